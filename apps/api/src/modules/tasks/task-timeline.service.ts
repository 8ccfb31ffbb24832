import { Injectable } from '@nestjs/common';
import type { Activity } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { PendingEvent } from '../../core/events/pending-event';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';

/** A conversation a task is linked to, as far as its timeline and stream need it. */
export interface LinkedConversationRef {
  id: string;
  accountId: string;
  inboxId: string;
}

/**
 * What a task's change writes into its conversations: a timeline activity in each (so every
 * operator who opens one sees the task's state) and the stream events that announce it.
 */
@Injectable()
export class TaskTimelineService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
  ) {}

  /** Writes the activity into each conversation's timeline; returns its `message.created` events. */
  async record(
    em: EntityManager,
    conversations: LinkedConversationRef[],
    activity: Activity,
  ): Promise<PendingEvent[]> {
    const pending: PendingEvent[] = [];
    for (const conv of conversations) {
      const message = await this.messages.insertActivity(em, conv, activity);
      const conversation = await this.conversations.loadSummary(em, conv.id);
      pending.push({
        type: 'message.created',
        conversationId: conv.id,
        payload: { message, conversation },
      });
    }
    return pending;
  }

  /**
   * Like `record` for a batch (due reminders): each entry's activity in its conversation, all in
   * one statement; returns their `message.created` events in entry order.
   */
  async recordMany(
    em: EntityManager,
    entries: { conv: LinkedConversationRef; activity: Activity }[],
  ): Promise<PendingEvent[]> {
    const messages = await this.messages.insertActivities(em, entries);
    const summaries = await this.conversations.loadSummaries(em, [
      ...new Set(entries.map((e) => e.conv.id)),
    ]);
    return entries.map((e, i) => ({
      type: 'message.created' as const,
      conversationId: e.conv.id,
      payload: { message: messages[i]!, conversation: summaries.get(e.conv.id)! },
    }));
  }

  /**
   * `task.changed` once per linked conversation: the stream shows each to whoever may see that
   * conversation, and the payload is only the id, so nothing leaks to anyone else.
   */
  changed(taskId: string, conversationIds: string[]): PendingEvent[] {
    return [...new Set(conversationIds)].map((conversationId) => ({
      type: 'task.changed' as const,
      conversationId,
      payload: { taskId, conversationId },
    }));
  }
}
