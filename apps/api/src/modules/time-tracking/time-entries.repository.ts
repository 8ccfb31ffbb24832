import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TimeEntryEntity } from './entities/time-entry.entity';

/** An operator's newest tracked segment on a conversation, with ages on the database's clock. */
export interface SegmentRow {
  id: string;
  seconds: number;
  /** Seconds from the segment's start to now(). */
  sinceStart: number;
  /** Seconds from its latest heartbeat to now(). */
  sinceBeat: number;
}

export interface OperatorTimeRow {
  operator_id: string;
  operator_name: string;
  seconds: string;
}

export interface TimeEntryRow {
  id: string;
  source: 'tracked' | 'manual';
  operator_id: string;
  operator_name: string;
  started_at: Date;
  seconds: number;
  reason: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
}

export interface NewAdjustment {
  accountId: string;
  conversationId: string;
  operatorId: string;
  seconds: number;
  reason: string;
  createdById: string;
  /** When the work was done (noon of the chosen day); null: now. */
  startedAt: Date | null;
}

/** Time entries of conversations, and the inboxes' hourly rates. */
@Injectable()
export class TimeEntriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Serialises an operator's heartbeats and corrections on one conversation for the transaction,
   * so two tabs or two instances never open two segments or both spend the same wall time.
   */
  async lockOperatorConversation(
    em: EntityManager,
    operatorId: string,
    conversationId: string,
  ): Promise<void> {
    // raw SQL: a transaction-scoped advisory lock on a pair that may have no row yet, which the
    // builder cannot express.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `time:${operatorId}:${conversationId}`,
    ]);
  }

  async currentSegment(
    em: EntityManager,
    operatorId: string,
    conversationId: string,
  ): Promise<SegmentRow | null> {
    const row = await em
      .getRepository(TimeEntryEntity)
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .addSelect('e.seconds', 'seconds')
      .addSelect('extract(epoch FROM now() - e.started_at)::float8', 'since_start')
      .addSelect('extract(epoch FROM now() - e.last_beat_at)::float8', 'since_beat')
      .where('e.operator_id = :operatorId AND e.conversation_id = :conversationId', {
        operatorId,
        conversationId,
      })
      .andWhere(`e.source = 'tracked'`)
      .orderBy('e.last_beat_at', 'DESC')
      .limit(1)
      .getRawOne<{ id: string; seconds: number; since_start: number; since_beat: number }>();
    return row
      ? { id: row.id, seconds: row.seconds, sinceStart: row.since_start, sinceBeat: row.since_beat }
      : null;
  }

  /** A new segment whose first `seconds` of work ended now. */
  async startSegment(
    em: EntityManager,
    row: { accountId: string; conversationId: string; operatorId: string; seconds: number },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(TimeEntryEntity)
      .values({
        ...row,
        source: 'tracked',
        startedAt: () => 'now() - make_interval(secs => :secs)',
        lastBeatAt: () => 'now()',
      })
      .setParameter('secs', row.seconds)
      .execute();
  }

  async growSegment(em: EntityManager, id: string, seconds: number): Promise<void> {
    await em
      .createQueryBuilder()
      .update(TimeEntryEntity)
      .set({ seconds: () => 'seconds + :add', lastBeatAt: () => 'now()' })
      .setParameter('add', seconds)
      .where('id = :id', { id })
      .execute();
  }

  async insertAdjustment(em: EntityManager, row: NewAdjustment): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(TimeEntryEntity)
      .values({
        ...row,
        source: 'manual',
        startedAt: row.startedAt ?? (() => 'now()'),
        lastBeatAt: () => 'now()',
      })
      .execute();
  }

  /** Seconds on the conversation: everyone's, and one operator's. */
  async totals(
    em: EntityManager,
    conversationId: string,
    operatorId: string,
  ): Promise<{ total: number; mine: number }> {
    const row = await em
      .getRepository(TimeEntryEntity)
      .createQueryBuilder('e')
      .select('COALESCE(SUM(e.seconds), 0)::int', 'total')
      .addSelect(
        'COALESCE(SUM(e.seconds) FILTER (WHERE e.operator_id = :operatorId), 0)::int',
        'mine',
      )
      .where('e.conversation_id = :conversationId', { conversationId, operatorId })
      .getRawOne<{ total: number; mine: number }>();
    return { total: row?.total ?? 0, mine: row?.mine ?? 0 };
  }

  async perOperator(em: EntityManager, conversationId: string): Promise<OperatorTimeRow[]> {
    return em
      .getRepository(TimeEntryEntity)
      .createQueryBuilder('e')
      .innerJoin(OperatorEntity, 'o', 'o.id = e.operator_id')
      .select('e.operator_id', 'operator_id')
      .addSelect('o.name', 'operator_name')
      .addSelect('SUM(e.seconds)', 'seconds')
      .where('e.conversation_id = :conversationId', { conversationId })
      .groupBy('e.operator_id')
      .addGroupBy('o.name')
      .orderBy('seconds', 'DESC')
      .getRawMany<OperatorTimeRow>();
  }

  async entries(em: EntityManager, conversationId: string, limit: number): Promise<TimeEntryRow[]> {
    return em
      .getRepository(TimeEntryEntity)
      .createQueryBuilder('e')
      .innerJoin(OperatorEntity, 'o', 'o.id = e.operator_id')
      .leftJoin(OperatorEntity, 'b', 'b.id = e.created_by_id')
      .select([
        'e.id AS id',
        'e.source AS source',
        'e.operator_id AS operator_id',
        'o.name AS operator_name',
        'e.started_at AS started_at',
        'e.seconds AS seconds',
        'e.reason AS reason',
        'e.created_by_id AS created_by_id',
        'b.name AS created_by_name',
      ])
      .where('e.conversation_id = :conversationId', { conversationId })
      .orderBy('e.started_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit)
      .getRawMany<TimeEntryRow>();
  }

  /** An operator of the account (active or not), for a correction of their time. */
  findOperator(em: EntityManager, accountId: string, id: string) {
    return em
      .getRepository(OperatorEntity)
      .findOne({ where: { id, accountId }, select: { id: true, name: true } });
  }

  findInbox(accountId: string, id: string) {
    return this.ds.getRepository(InboxEntity).findOne({
      where: { id, accountId },
      select: { id: true, name: true, hourlyRate: true, hourlyRateCurrency: true, removedAt: true },
    });
  }

  async setRate(inboxId: string, hourlyRate: number | null, currency: string | null) {
    await this.ds.getRepository(InboxEntity).update(
      { id: inboxId },
      {
        hourlyRate: hourlyRate === null ? null : hourlyRate.toFixed(2),
        hourlyRateCurrency: currency,
      },
    );
  }
}
