import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { NotificationDetail, NotificationDto } from '@switchboard/contracts';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { microsUtc, type Keyset } from '../conversations/keyset-cursor';
import { InboxMemberEntity } from '../inboxes/entities/inbox-member.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { NotificationEntity } from './entities/notification.entity';

export interface NotificationRow {
  id: string;
  operator_id: string;
  type: NotificationDto['type'];
  conversation_id: string;
  created_at: Date;
  read_at: Date | null;
  detail: NotificationDetail | null;
  /** created_at with microseconds, for the keyset cursor. */
  created_key: string;
}

/** What to mark read: some notifications, all about one conversation, or all of them. */
export type ReadSelection = { ids: string[] } | { conversationId: string } | { all: true };

/** Stored notifications, and who should receive them. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One operator's notifications, newest first; one row more than asked says "more". */
  listPage(accountId: string, operatorId: string, after: Keyset | null, limit: number) {
    const q = this.ds
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .select([
        'n.id AS id',
        'n.operator_id AS operator_id',
        'n.type AS type',
        'n.conversation_id AS conversation_id',
        'n.created_at AS created_at',
        'n.read_at AS read_at',
        'n.detail AS detail',
      ])
      .addSelect(microsUtc('n.created_at'), 'created_key')
      .where('n.account_id = :accountId AND n.operator_id = :operatorId', {
        accountId,
        operatorId,
      });
    if (after)
      q.andWhere('(n.created_at, n.id) < (:at::timestamptz, :afterId::uuid)', {
        at: after.at,
        afterId: after.id,
      });
    return q
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<NotificationRow>();
  }

  countUnread(accountId: string, operatorId: string): Promise<number> {
    return this.ds
      .getRepository(NotificationEntity)
      .countBy({ accountId, operatorId, readAt: IsNull() });
  }

  /** Marks the selection read; returns the ids that were unread until now. */
  async markRead(
    em: EntityManager,
    accountId: string,
    operatorId: string,
    selection: ReadSelection,
  ): Promise<string[]> {
    const q = em
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('account_id = :accountId AND operator_id = :operatorId AND read_at IS NULL', {
        accountId,
        operatorId,
      });
    if ('ids' in selection) q.andWhere('id IN (:...ids)', { ids: selection.ids });
    if ('conversationId' in selection)
      q.andWhere('conversation_id = :conversationId', { conversationId: selection.conversationId });
    const result = await q.returning('id').updateEntity(false).execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  /** One notification per operator; returns them as stored. */
  async insertForOperators(
    em: EntityManager,
    accountId: string,
    operatorIds: string[],
    type: NotificationDto['type'],
    conversationId: string,
    detail: NotificationDetail | null = null,
  ): Promise<{ id: string; operator_id: string; created_at: Date }[]> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(
        operatorIds.map((operatorId) => ({ accountId, operatorId, type, conversationId, detail })),
      )
      .returning('id, operator_id, created_at')
      .updateEntity(false)
      .execute();
    return result.raw as { id: string; operator_id: string; created_at: Date }[];
  }

  /**
   * One notification per entry (an operator and a conversation), of one type and account, in one
   * statement; returns them in the order given.
   */
  async insertMany(
    em: EntityManager,
    accountId: string,
    type: NotificationDto['type'],
    entries: { operatorId: string; conversationId: string }[],
  ): Promise<{ id: string; created_at: Date }[]> {
    if (entries.length === 0) return [];
    const ids = entries.map(() => randomUUID());
    // raw SQL: unnest inserts a batch of wake-ups' notifications in one statement; ids chosen
    // here so each row is matched to its entry without relying on RETURNING's order.
    const rows = (await em.query(
      `INSERT INTO notifications (id, account_id, operator_id, type, conversation_id)
       SELECT e.id, $1, e.operator_id, $2, e.conversation_id
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[]) AS e(id, operator_id, conversation_id)
       RETURNING id, created_at`,
      [
        accountId,
        type,
        ids,
        entries.map((e) => e.operatorId),
        entries.map((e) => e.conversationId),
      ],
    )) as { id: string; created_at: Date }[];
    const createdAt = new Map(rows.map((r) => [r.id, r.created_at]));
    return ids.map((id) => ({ id, created_at: createdAt.get(id)! }));
  }

  async inboxMemberIds(em: EntityManager, inboxId: string): Promise<string[]> {
    const rows = await em
      .getRepository(InboxMemberEntity)
      .find({ select: { operatorId: true }, where: { inboxId } });
    return rows.map((r) => r.operatorId);
  }

  async accountOperatorIds(em: EntityManager, accountId: string): Promise<string[]> {
    const rows = await em
      .getRepository(OperatorEntity)
      .find({ select: { id: true }, where: { accountId } });
    return rows.map((r) => r.id);
  }
}
