import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationMoveResultDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import { AppException, notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';
import { isUuid } from '../conversations/keyset-cursor';
import { MessagesRepository } from '../messages/messages.repository';
import { ConversationMovesRepository, type SummaryColumns } from './conversation-moves.repository';
import { moveEvents } from './move-events';

/**
 * Merge: a duplicate conversation (the source) goes into another of the same customer (the
 * target). Every message, note and activity of the source moves, keeping its time, so the target's
 * timeline interleaves them; the source is closed with a pointer the inbound path follows. One
 * transaction, both rows locked in id order: two operators merging the same pair crossways
 * serialise, and the second finds one of them merged already (409).
 */
@Injectable()
export class ConversationMergeService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly moves: ConversationMovesRepository,
    private readonly events: EventLogService,
  ) {}

  merge(
    op: AuthenticatedOperator,
    targetId: string,
    req: { sourceId: string; confirm: boolean },
  ): Promise<ConversationMoveResultDto> {
    if (!isUuid(targetId)) throw notFound('Conversation');
    return this.ds.transaction(async (em) => {
      const { target, source } = await this.lockPair(em, op, targetId, req.sourceId);
      if (source.mergedIntoId)
        throw new AppException(
          'INVALID_STATE',
          `#${source.number} was merged into another conversation already`,
        );
      if (target.mergedIntoId)
        throw new AppException(
          'INVALID_STATE',
          `#${target.number} was merged into another conversation: merge into that one`,
        );
      if (source.contactId !== target.contactId && !req.confirm)
        throw new AppException(
          'MERGE_CONFIRMATION_REQUIRED',
          `#${source.number} and #${target.number} belong to different customers; send confirm: true to merge them anyway`,
          {
            source: { id: source.id, number: source.number },
            target: { id: target.id, number: target.number },
          },
        );

      if (source.identityId !== target.identityId)
        await this.moves.pinRecipient(em, source.id, source.identityId);
      const movedIds = await this.moves.moveAll(em, source.id, target.id);
      await this.moves.copyParticipants(em, op.accountId, source.id, target.id);
      const carriedTasks = await this.moves.carryTaskLinks(em, op.accountId, source.id, target.id);
      await this.moves.setSummary(em, target.id, mergedSummary(target, source));
      await this.moves.closeAsMerged(em, source.id, target.id);

      const by = { id: op.id, name: op.name };
      const movedCount = movedIds.length;
      const targetActivity = await this.messages.insertActivity(em, target, {
        type: 'conversation_merged',
        by,
        source: { id: source.id, number: source.number },
        movedCount,
      });
      const sourceActivity = await this.messages.insertActivity(em, source, {
        type: 'merged_into',
        by,
        target: { id: target.id, number: target.number },
        movedCount,
      });
      const from = await this.conversations.loadSummary(em, source.id);
      const to = await this.conversations.loadSummary(em, target.id);
      await this.events.append(em, op.accountId, [
        ...moveEvents(
          { summary: from, activity: sourceActivity },
          { summary: to, activity: targetActivity },
          movedIds,
        ),
        // Headers and task lists of the survivor now show the carried tasks.
        ...carriedTasks.map((taskId) => ({
          type: 'task.changed' as const,
          conversationId: target.id,
          payload: { taskId, conversationId: target.id },
        })),
      ]);
      return { from, to, movedCount };
    });
  }

  /** Both conversations, locked in id order; 404 for one the operator may not see, 422 for one and the same. */
  private async lockPair(
    em: EntityManager,
    op: AuthenticatedOperator,
    targetId: string,
    sourceId: string,
  ): Promise<{ target: ConversationEntity; source: ConversationEntity }> {
    if (targetId === sourceId) {
      if (!(await this.conversations.lockOwned(em, op, targetId))) throw notFound('Conversation');
      throw new AppException('INVALID_MOVE', 'A conversation cannot be merged into itself');
    }
    const locked = new Map<string, ConversationEntity | null>();
    for (const id of [targetId, sourceId].sort())
      locked.set(id, await this.conversations.lockOwned(em, op, id));
    const target = locked.get(targetId);
    if (!target) throw notFound('Conversation');
    const source = locked.get(sourceId);
    if (!source) throw notFound('Source conversation');
    return { target, source };
  }
}

/**
 * The survivor's feed row after the merge: the later of the two for activity, preview and last
 * customer message, both unread counts, the earlier first reply.
 */
function mergedSummary(target: ConversationEntity, source: ConversationEntity): SummaryColumns {
  const newer = source.lastActivityAt > target.lastActivityAt ? source : target;
  return {
    lastActivityAt: newer.lastActivityAt,
    lastMessagePreview: newer.lastMessagePreview ?? target.lastMessagePreview,
    lastMessageDirection: newer.lastMessageDirection ?? target.lastMessageDirection,
    lastIncomingAt: latest(target.lastIncomingAt, source.lastIncomingAt),
    unreadCount: target.unreadCount + source.unreadCount,
    firstReplyAt: earliest(target.firstReplyAt, source.firstReplyAt),
    subject: target.subject ?? source.subject,
  };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}
