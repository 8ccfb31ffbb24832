import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
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

  /** Whether a snooze may be due now and still stored as snoozed. */
  async mayBeDue(): Promise<boolean> {
    if (!this.next || Date.now() - this.next.readAt > FRESH_FOR_MS) await this.read();
    return this.next !== null && this.next.dueAt <= Date.now();
  }

  private read(): Promise<void> {
    this.reading ??= (async () => {
      try {
        const readAt = Date.now();
        const row = await this.ds
          .createQueryBuilder(ConversationEntity, 'c')
          .select('extract(epoch FROM min(c.snoozed_until) - now()) * 1000', 'in_ms')
          .where(`c.status = 'snoozed'`)
          .getRawOne<{ in_ms: string | null }>();
        const inMs = row?.in_ms == null ? Infinity : Number(row.in_ms);
        this.next = { dueAt: readAt + inMs, readAt };
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }
}
