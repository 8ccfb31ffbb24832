import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkTagName,
  tagKey,
  type ConversationSummaryDto,
  type TagColor,
  type TagDto,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessagesRepository } from '../messages/messages.repository';
import type { TagEntity } from './entities/tag.entity';
import { TagsRepository } from './tags.repository';

/**
 * Tags on conversations (any operator) and the account's tag list (admins). A change to a
 * conversation's tags is one transaction with its timeline activity and stream events; a change
 * to a tag itself re-sends the summary of every conversation that carries it.
 */
@Injectable()
export class TagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tags: TagsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly events: EventLogService,
  ) {}

  list(op: AuthenticatedOperator): Promise<TagDto[]> {
    return this.tags.listWithCounts(op.accountId);
  }

  /** Adds the tag named `name` (created on the fly) to the conversation. */
  addToConversation(op: AuthenticatedOperator, conversationId: string, typed: string) {
    const name = usableTagName(typed);
    return this.changeConversation(op, conversationId, async (em, conv) => {
      const tag = await this.tags.findOrCreate(em, op.accountId, name, tagKey(name));
      const added = await this.tags.link(em, op.accountId, conv.id, tag.id);
      return added ? this.recordChange(em, op, conv, 'tag_added', tag) : [];
    });
  }

  removeFromConversation(op: AuthenticatedOperator, conversationId: string, tagId: string) {
    return this.changeConversation(op, conversationId, async (em, conv) => {
      const tag = await this.tags.findInAccount(em, op.accountId, tagId);
      if (!tag) throw notFound('Tag');
      const removed = await this.tags.unlink(em, conv.id, tag.id);
      return removed ? this.recordChange(em, op, conv, 'tag_removed', tag) : [];
    });
  }

  /** Renames and/or recolours a tag; a name another tag has already is a conflict (merge instead). */
  update(
    op: AuthenticatedOperator,
    id: string,
    change: { name?: string; color?: TagColor },
  ): Promise<TagDto> {
    requireTagAdmin(op);
    const name = change.name === undefined ? undefined : usableTagName(change.name);
    return this.ds.transaction(async (em) => {
      const tag = await this.findOwned(em, op, id);
      const conversationIds = await this.tags.lockConversationsOf(em, tag.id);
      const nameKey = name === undefined ? undefined : tagKey(name);
      if (nameKey !== undefined && nameKey !== tag.nameKey) {
        const other = await this.tags.findByKey(em, op.accountId, nameKey);
        if (other)
          throw new AppException(
            'CONFLICT',
            `A tag named "${other.name}" exists already; merge the two tags instead`,
          );
      }
      await this.tags.update(em, tag.id, { name, nameKey, color: change.color });
      await this.events.append(em, op.accountId, await this.summaryEvents(em, conversationIds));
      return {
        id: tag.id,
        name: name ?? tag.name,
        color: change.color ?? tag.color,
        conversationCount: conversationIds.length,
      };
    });
  }

  /** Moves every conversation of the tag to `targetId` (none gets it twice), then deletes the tag. */
  merge(op: AuthenticatedOperator, id: string, targetId: string): Promise<TagDto> {
    requireTagAdmin(op);
    return this.ds.transaction(async (em) => {
      const source = await this.findOwned(em, op, id);
      const target = await this.tags.findInAccount(em, op.accountId, targetId);
      if (!target) throw new AppException('VALIDATION_FAILED', 'targetId: no such tag');
      if (target.id === source.id)
        throw new AppException('VALIDATION_FAILED', 'targetId: a tag cannot be merged into itself');
      const conversationIds = await this.tags.lockConversationsOf(em, source.id);
      await this.tags.linkMany(em, op.accountId, conversationIds, target.id);
      await this.tags.delete(em, source.id);
      await this.events.append(em, op.accountId, await this.summaryEvents(em, conversationIds));
      const tags = await this.tags.listWithCounts(op.accountId, em);
      const merged = tags.find((t) => t.id === target.id);
      if (!merged) throw new Error(`Tag ${target.id} vanished inside its transaction`);
      return merged;
    });
  }

  /** Deletes the tag from the account and from every conversation. */
  delete(op: AuthenticatedOperator, id: string): Promise<void> {
    requireTagAdmin(op);
    return this.ds.transaction(async (em) => {
      const tag = await this.findOwned(em, op, id);
      const conversationIds = await this.tags.lockConversationsOf(em, tag.id);
      await this.tags.delete(em, tag.id);
      await this.events.append(em, op.accountId, await this.summaryEvents(em, conversationIds));
    });
  }

  private async findOwned(em: EntityManager, op: AuthenticatedOperator, id: string) {
    const tag = await this.tags.findInAccount(em, op.accountId, id);
    if (!tag) throw notFound('Tag');
    return tag;
  }

  private async summaryEvents(em: EntityManager, conversationIds: string[]) {
    const pending: PendingEvent[] = [];
    for (const conversationId of conversationIds) {
      const conversation = await this.conversations.loadSummary(em, conversationId);
      pending.push({ type: 'conversation.updated', conversationId, payload: { conversation } });
    }
    return pending;
  }

  private async recordChange(
    em: EntityManager,
    op: AuthenticatedOperator,
    conv: ConversationEntity,
    type: 'tag_added' | 'tag_removed',
    tag: TagEntity,
  ): Promise<PendingEvent[]> {
    const activity = await this.messages.insertActivity(em, conv, {
      type,
      by: { id: op.id, name: op.name },
      tag: tag.name,
    });
    const summary = await this.conversations.loadSummary(em, conv.id);
    return [
      {
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation: summary },
      },
      { type: 'conversation.updated', conversationId: conv.id, payload: { conversation: summary } },
    ];
  }

  private changeConversation(
    op: AuthenticatedOperator,
    id: string,
    change: (em: EntityManager, conv: ConversationEntity) => Promise<PendingEvent[]>,
  ): Promise<ConversationSummaryDto> {
    return this.ds.transaction(async (em) => {
      const conv = await this.conversations.lockOwned(em, op, id);
      if (!conv) throw notFound('Conversation');
      await this.events.append(em, op.accountId, await change(em, conv));
      return this.conversations.loadSummary(em, conv.id);
    });
  }
}

/** The tag list is the account's vocabulary: only admins rename, recolour, merge or delete. */
function requireTagAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can rename, recolour, merge or delete tags');
}

/** The name to store, or 422 with the reason (empty, too long). */
function usableTagName(typed: string): string {
  const checked = checkTagName(typed);
  if (!checked.ok) throw new AppException('INVALID_TAG_NAME', checked.reason);
  return checked.name;
}
