import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DUE_SNOOZE_SQL } from './conversation-feed-sql.repository';
import { ConversationEntity } from './entities/conversation.entity';

/** How old the next due time may be: a snooze set meanwhile is in the feed at most this late. */
const FRESH_FOR_MS = 250;

/**
 * When the next snooze falls due, across the database: the open feed reads due snoozes the sweeper
 * has not written yet (DUE_SNOOZE_SQL) only once one may be due. Nearly always none is, and the
 * feed page stays the one statement it was, without a second page to plan (the A/B in
 * docs/benchmarks.md). Read from the sweeper's partial index, at most once per FRESH_FOR_MS per
 * process, and in PostgreSQL's clock, so a server whose clock is off does not move it.
 */
@Injectable()
export class DueSnoozeWatch {
  /** `Date.now()`-time of the next due snooze (Infinity: none), and when that was read. */
  private next: { dueAt: number; readAt: number } | null = null;
  private reading: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Whether a snooze may be due now and still stored as snoozed. `em`: the caller's transaction,
   * which then reads it itself, so the check never waits for a second connection of the pool.
   */
  async mayBeDue(em?: EntityManager): Promise<boolean> {
    if (!this.next || Date.now() - this.next.readAt > FRESH_FOR_MS)
      await (em ? this.readWith(em) : this.read());
    return this.next !== null && this.next.dueAt <= Date.now();
  }

  /**
   * Due snoozes the sweeper has not written yet, per assignee (null: unassigned), in an account or
   * among some operators. What reads the stored status to count open conversations (the live
   * report, routing's per-operator load) adds these, so a storm's wake-ups weigh from their time.
   * Nothing is read while no snooze may be due.
   */
  async dueByAssignee(
    em: EntityManager,
    scope: { accountId: string } | { operatorIds: string[] },
  ): Promise<Map<string | null, number>> {
    if (!(await this.mayBeDue(em))) return new Map();
    const q = em
      .createQueryBuilder(ConversationEntity, 'c')
      .select('c.assignee_id', 'id')
      .addSelect('count(*)::int', 'n')
      .where(DUE_SNOOZE_SQL);
    if ('accountId' in scope) q.andWhere('c.account_id = :accountId', scope);
    else q.andWhere('c.assignee_id = ANY(:operatorIds)', scope);
    const rows = await q.groupBy('c.assignee_id').getRawMany<{ id: string | null; n: number }>();
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** One read at a time on the instance's own connections; the callers meanwhile share it. */
  private read(): Promise<void> {
    this.reading ??= this.readWith(this.ds.manager).finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readWith(em: EntityManager): Promise<void> {
    const readAt = Date.now();
    // clock_timestamp(): the time of the read, even inside a transaction that began earlier.
    const row = await em
      .createQueryBuilder(ConversationEntity, 'c')
      .select('extract(epoch FROM min(c.snoozed_until) - clock_timestamp()) * 1000', 'in_ms')
      .where(`c.status = 'snoozed'`)
      .getRawOne<{ in_ms: string | null }>();
    const inMs = row?.in_ms == null ? Infinity : Number(row.in_ms);
    this.next = { dueAt: readAt + inMs, readAt };
  }
}
