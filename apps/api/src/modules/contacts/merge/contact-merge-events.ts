import { Injectable } from '@nestjs/common';
import type { Activity } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { PendingEvent } from '../../../core/events/pending-event';
import { ConversationsRepository } from '../../conversations/conversations.repository';
import { MessagesRepository } from '../../messages/messages.repository';

/**
 * What operators see change live when contacts are merged or unmerged: a timeline activity in
 * every conversation that changed contact, and a fresh summary of every conversation whose card
 * changed (the feed shows the contact's name). Called with those conversations locked.
 */
@Injectable()
export class ContactMergeEvents {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
  ) {}

  async collect(
    em: EntityManager,
    accountId: string,
    moved: string[],
    touched: string[],
    activity: Activity,
  ): Promise<PendingEvent[]> {
    const pending: PendingEvent[] = [];
    const movedSet = new Set(moved);
    for (const conversationId of moved) {
      const before = await this.conversations.loadSummary(em, conversationId);
      const message = await this.messages.insertActivity(
        em,
        { id: conversationId, accountId, inboxId: before.inboxId },
        activity,
      );
      const conversation = await this.conversations.loadSummary(em, conversationId);
      pending.push(
        { type: 'message.created', conversationId, payload: { message, conversation } },
        { type: 'conversation.updated', conversationId, payload: { conversation } },
      );
    }
    for (const conversationId of touched) {
      if (movedSet.has(conversationId)) continue;
      const conversation = await this.conversations.loadSummary(em, conversationId);
      pending.push({ type: 'conversation.updated', conversationId, payload: { conversation } });
    }
    return pending;
  }
}
