import { Injectable } from '@nestjs/common';
import type { AttachmentDto, MessageDirection, MessageKind } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { ConversationParticipantEntity } from '../participants/entities/conversation-participant.entity';
import { TaskConversationEntity } from '../tasks/entities/task-conversation.entity';

/** The newest customer-visible message of a conversation, for its feed row. */
export interface LatestMessage {
  text: string | null;
  attachments: AttachmentDto[];
  direction: MessageDirection;
  createdAt: Date;
}

/** What a conversation's feed row is computed from after messages moved in or out of it. */
export interface TimelineFacts {
  latest: LatestMessage | null;
  lastIncomingAt: Date | null;
  firstReplyAt: Date | null;
  /** Messages and notes (activities do not count): a conversation keeps at least one. */
  contentCount: number;
}

/** The feed-row columns a merge or split rewrites. */
export type SummaryColumns = Partial<
  Pick<
    ConversationEntity,
    | 'lastActivityAt'
    | 'lastIncomingAt'
    | 'lastMessagePreview'
    | 'lastMessageDirection'
    | 'unreadCount'
    | 'firstReplyAt'
    | 'subject'
  >
>;

/**
 * Moving messages between conversations: which ones, the move itself (one UPDATE: ids, times and
 * the timeline's keyset stay as they were, so they interleave by time), and the facts both feed
 * rows are recomputed from.
 */
@Injectable()
export class ConversationMovesRepository {
  /** One message of the conversation, by id: where a split starts. */
  findMessageIn(em: EntityManager, conversationId: string, messageId: string) {
    return em.getRepository(MessageEntity).findOne({
      select: { id: true, kind: true, createdAt: true },
      where: { id: messageId, conversationId },
    });
  }

  /**
   * The ids a split moves: the message alone, or it and every later one (by the timeline's
   * order, created_at then id).
   */
  async idsFrom(
    em: EntityManager,
    conversationId: string,
    from: { id: string; kind: MessageKind; createdAt: Date },
    withFollowing: boolean,
  ): Promise<{ id: string; kind: MessageKind }[]> {
    if (!withFollowing) return [{ id: from.id, kind: from.kind }];
    return em
      .createQueryBuilder(MessageEntity, 'm')
      .select('m.id', 'id')
      .addSelect('m.kind', 'kind')
      .where('m.conversation_id = :conversationId', { conversationId })
      .andWhere('(m.created_at, m.id) >= (:at::timestamptz, :id::uuid)', {
        at: from.createdAt,
        id: from.id,
      })
      .orderBy('m.created_at')
      .addOrderBy('m.id')
      .getRawMany<{ id: string; kind: MessageKind }>();
  }

  /**
   * The conversation's replies keep going to its own identity once they live in another
   * conversation: a pending send, a retry or a resend after the merge reaches the same customer
   * on the same channel.
   */
  async pinRecipient(em: EntityManager, conversationId: string, identityId: string) {
    await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ recipientIdentityId: identityId, updatedAt: () => 'updated_at' })
      .where(`conversation_id = :conversationId AND direction = 'outgoing' AND kind = 'message'`, {
        conversationId,
      })
      .andWhere('recipient_identity_id IS NULL')
      .updateEntity(false)
      .execute();
  }

  /** Every message of the conversation moves (a merge); their ids, oldest first. */
  async moveAll(em: EntityManager, fromId: string, toId: string): Promise<string[]> {
    const result = await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ conversationId: toId })
      .where('conversation_id = :fromId', { fromId })
      .returning('id, created_at')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string; created_at: Date }[])
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map((r) => r.id);
  }

  /** These messages of `fromId` move to `toId`; how many did. */
  async moveSome(em: EntityManager, fromId: string, toId: string, ids: string[]): Promise<number> {
    const result = await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ conversationId: toId })
      .where('conversation_id = :fromId AND id = ANY(:ids)', { fromId, ids })
      .updateEntity(false)
      .execute();
    return result.affected ?? 0;
  }

  /** The newest `n` customer messages: the ones the unread count stands for. */
  async newestIncomingIds(em: EntityManager, conversationId: string, n: number) {
    if (n <= 0) return [];
    const rows = await em
      .createQueryBuilder(MessageEntity, 'm')
      .select('m.id', 'id')
      .where(`m.conversation_id = :conversationId`, { conversationId })
      .andWhere(`m.direction = 'incoming' AND m.kind = 'message'`)
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(n)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** What the feed row of a conversation is computed from, read after the move. */
  async timelineFacts(em: EntityManager, conversationId: string): Promise<TimelineFacts> {
    const latest = await em
      .createQueryBuilder(MessageEntity, 'm')
      .select('m.text', 'text')
      .addSelect('m.attachments', 'attachments')
      .addSelect('m.direction', 'direction')
      .addSelect('m.created_at', 'created_at')
      .where(`m.conversation_id = :conversationId AND m.kind = 'message'`, { conversationId })
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(1)
      .getRawOne<{
        text: string | null;
        attachments: AttachmentDto[];
        direction: MessageDirection;
        created_at: Date;
      }>();
    const times = await em
      .createQueryBuilder(MessageEntity, 'm')
      .select(`max(m.created_at) FILTER (WHERE m.direction = 'incoming')`, 'last_incoming_at')
      .addSelect(
        `min(m.created_at) FILTER (WHERE m.direction = 'outgoing' AND m.kind = 'message' AND m.sender_type = 'operator')`,
        'first_reply_at',
      )
      .addSelect('count(*)', 'n')
      .where(`m.conversation_id = :conversationId AND m.kind <> 'activity'`, { conversationId })
      .getRawOne<{ last_incoming_at: Date | null; first_reply_at: Date | null; n: string }>();
    return {
      latest: latest
        ? {
            text: latest.text,
            attachments: latest.attachments ?? [],
            direction: latest.direction,
            createdAt: latest.created_at,
          }
        : null,
      lastIncomingAt: times?.last_incoming_at ?? null,
      firstReplyAt: times?.first_reply_at ?? null,
      contentCount: Number(times?.n ?? 0),
    };
  }

  /** Rewrites the feed-row columns of a conversation. */
  async setSummary(em: EntityManager, id: string, columns: SummaryColumns) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set(columns)
      .where('id = :id', { id })
      .execute();
  }

  /** The merged conversation: closed for good, with its pointer; nothing of it stays unread. */
  async closeAsMerged(em: EntityManager, id: string, targetId: string) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({
        status: 'closed',
        closedAt: () => 'now()',
        snoozedUntil: null,
        snoozedById: null,
        unreadCount: 0,
        mergedIntoId: targetId,
      })
      .where('id = :id', { id })
      .execute();
  }

  /** A split-off conversation starts with the original's assignee and team. */
  async copyAssignment(
    em: EntityManager,
    id: string,
    from: Pick<ConversationEntity, 'assigneeId' | 'assigneeTeamId'>,
  ) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ assigneeId: from.assigneeId, assigneeTeamId: from.assigneeTeamId })
      .where('id = :id', { id })
      .execute();
  }

  /** Whoever followed one conversation follows the other too (the survivor of a merge, a split-off). */
  async copyParticipants(em: EntityManager, accountId: string, fromId: string, toId: string) {
    const rows = await em.getRepository(ConversationParticipantEntity).find({
      select: { operatorId: true, reason: true },
      where: { conversationId: fromId },
    });
    if (rows.length === 0) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(ConversationParticipantEntity)
      .values(
        rows.map((r) => ({
          accountId,
          conversationId: toId,
          operatorId: r.operatorId,
          reason: r.reason,
        })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * The tasks of a merged conversation show in the survivor too (they keep their link to the
   * merged one, whose pointer leads here). Returns the ids of the tasks newly linked.
   */
  async carryTaskLinks(
    em: EntityManager,
    accountId: string,
    fromId: string,
    toId: string,
  ): Promise<string[]> {
    const links = await em.getRepository(TaskConversationEntity).find({
      select: { taskId: true },
      where: { conversationId: fromId },
    });
    if (links.length === 0) return [];
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(TaskConversationEntity)
      .values(
        links.map((l) => ({
          accountId,
          taskId: l.taskId,
          conversationId: toId,
          createdAt: () => 'clock_timestamp()',
        })),
      )
      .orIgnore()
      .returning('task_id')
      .updateEntity(false)
      .execute();
    return (inserted.raw as { task_id: string }[]).map((r) => r.task_id);
  }

  /** The conversation a merged one points at, locked (the inbound path follows it). */
  lockMergeTarget(em: EntityManager, accountId: string, id: string) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.accountId = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }
}
