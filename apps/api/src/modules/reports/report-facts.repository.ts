import { Injectable } from '@nestjs/common';
import type { BusinessHours } from '@switchboard/contracts';
import { In, type EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { ReportConversationStateEntity } from './entities/report-conversation-state.entity';
import { ReportCycleEntity } from './entities/report-cycle.entity';
import { ReportResponseEntity } from './entities/report-response.entity';
import type { ReportDims } from './report-fold';

/** One conversation-day-owner row of counters to add (report_daily). */
export interface DailyDelta {
  accountId: string;
  conversationId: string;
  day: string;
  dims: ReportDims;
  counts: Record<DailyColumn, number>;
}

export const DAILY_COLUMNS = [
  'new_count',
  'closed_count',
  'reopened_count',
  'replies',
  'sla_met',
  'sla_breached',
  'csat_count',
  'csat_sum',
  'csat_satisfied',
  'nps_count',
  'nps_promoters',
  'nps_detractors',
] as const;
export type DailyColumn = (typeof DAILY_COLUMNS)[number];

/** What the reports consumer writes, always inside its cursor's transaction. */
@Injectable()
export class ReportFactsRepository {
  async timezoneOf(em: EntityManager, accountId: string): Promise<string> {
    const row = await em.getRepository(AccountEntity).findOne({
      select: { id: true, timezone: true },
      where: { id: accountId },
    });
    return row?.timezone ?? 'UTC';
  }

  async businessHoursOf(
    em: EntityManager,
    inboxIds: string[],
  ): Promise<Map<string, BusinessHours | null>> {
    if (inboxIds.length === 0) return new Map();
    const rows = await em.getRepository(InboxEntity).find({
      select: { id: true, businessHours: true },
      where: { id: In(inboxIds) },
    });
    return new Map(rows.map((r) => [r.id, r.businessHours]));
  }

  async states(em: EntityManager, ids: string[]): Promise<ReportConversationStateEntity[]> {
    if (ids.length === 0) return [];
    return em.getRepository(ReportConversationStateEntity).find({
      where: { conversationId: In(ids) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The conversation's open cycle, as its remembered state says. */
  async openCycleId(em: EntityManager, conversationId: string): Promise<string | null> {
    const row = await em.getRepository(ReportConversationStateEntity).findOne({
      select: { conversationId: true, cycleId: true },
      where: { conversationId },
    });
    return row?.cycleId ?? null;
  }

  async saveStates(em: EntityManager, rows: ReportConversationStateEntity[]): Promise<void> {
    if (rows.length > 0)
      await em.getRepository(ReportConversationStateEntity).upsert(rows, ['conversationId']);
  }

  async openCycle(
    em: EntityManager,
    row: Pick<
      ReportCycleEntity,
      'accountId' | 'conversationId' | 'seq' | 'startedAt' | 'startedDay'
    > &
      ReportDims,
  ): Promise<string> {
    const inserted = await em.getRepository(ReportCycleEntity).insert(row);
    return (inserted.identifiers[0] as { id: string }).id;
  }

  cycle(em: EntityManager, id: string): Promise<ReportCycleEntity | null> {
    return em.getRepository(ReportCycleEntity).findOneBy({ id });
  }

  async updateCycle(
    em: EntityManager,
    id: string,
    change: Partial<Omit<ReportCycleEntity, 'id' | 'account'>>,
  ): Promise<void> {
    await em.getRepository(ReportCycleEntity).update({ id }, change);
  }

  async insertResponses(
    em: EntityManager,
    rows: Array<Omit<ReportResponseEntity, 'id' | 'account'>>,
  ): Promise<void> {
    if (rows.length > 0) await em.getRepository(ReportResponseEntity).insert(rows);
  }

  /** Adds counters, one statement per batch. */
  async addDaily(em: EntityManager, deltas: DailyDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const col = (c: DailyColumn) => deltas.map((d) => d.counts[c]);
    // raw SQL: INSERT … ON CONFLICT DO UPDATE adding EXCLUDED counters over unnest (one statement
    // per batch); the builder's orUpdate can only copy EXCLUDED values.
    await em.query(
      `INSERT INTO report_daily (account_id, conversation_id, day, dim_key, inbox_id, channel, team_id,
              operator_id, ${DAILY_COLUMNS.join(', ')})
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::uuid[], $6::text[],
              $7::uuid[], $8::uuid[], ${DAILY_COLUMNS.map((_, i) => `$${i + 9}::int[]`).join(', ')})
       ON CONFLICT (conversation_id, day, dim_key) DO UPDATE SET
         ${DAILY_COLUMNS.map((c) => `${c} = report_daily.${c} + EXCLUDED.${c}`).join(', ')}`,
      [
        deltas.map((d) => d.accountId),
        deltas.map((d) => d.conversationId),
        deltas.map((d) => d.day),
        deltas.map((d) => dimKey(d.dims)),
        deltas.map((d) => d.dims.inboxId),
        deltas.map((d) => d.dims.channel),
        deltas.map((d) => d.dims.teamId),
        deltas.map((d) => d.dims.operatorId),
        ...DAILY_COLUMNS.map(col),
      ],
    );
  }

  /** A merge: the source's facts count in the survivor from now on (its tags, its figures). */
  async repoint(em: EntityManager, sourceId: string, targetId: string): Promise<void> {
    await em
      .getRepository(ReportResponseEntity)
      .update({ conversationId: sourceId }, { conversationId: targetId });
    await em
      .getRepository(ReportCycleEntity)
      .update({ conversationId: sourceId }, { conversationId: targetId });
    // raw SQL: moving rows onto a key that may exist adds them (INSERT … SELECT … ON CONFLICT DO
    // UPDATE with EXCLUDED sums, in a CTE with the DELETE … RETURNING), one statement.
    await em.query(
      `WITH moved AS (DELETE FROM report_daily WHERE conversation_id = $1 RETURNING *)
       INSERT INTO report_daily (account_id, conversation_id, day, dim_key, inbox_id, channel, team_id,
              operator_id, ${DAILY_COLUMNS.join(', ')})
       SELECT account_id, $2, day, dim_key, inbox_id, channel, team_id, operator_id,
              ${DAILY_COLUMNS.join(', ')} FROM moved
       ON CONFLICT (conversation_id, day, dim_key) DO UPDATE SET
         ${DAILY_COLUMNS.map((c) => `${c} = report_daily.${c} + EXCLUDED.${c}`).join(', ')}`,
      [sourceId, targetId],
    );
  }
}

/** Every dimension of a counter row: a merge's moved rows keep their own inbox and channel. */
export const dimKey = (d: ReportDims) =>
  `${d.inboxId}/${d.channel}/${d.teamId ?? '-'}/${d.operatorId ?? '-'}`;
