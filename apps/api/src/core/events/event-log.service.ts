import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StreamEvent } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql-rows';
import { EVENTS_CHANNEL, MAX_NOTIFY_BYTES, type EventNotice } from './event-channel';
import type { PendingEvent } from './pending-event';

interface EventRow {
  cursor: string;
  type: StreamEvent['type'];
  conversation_id: string | null;
  payload: StreamEvent['payload'];
  created_at: Date;
}

/**
 * The per-account event log behind the conversation stream.
 *
 * Cursors come from a per-account counter row that the appending transaction keeps locked until it
 * commits. Writers of one account therefore commit in cursor order, so a reader that has seen
 * cursor N can never later find an N-1 appear: no gaps, no reordering. Call `append` as the last
 * statement of a transaction to keep that lock short.
 */
@Injectable()
export class EventLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async append(
    em: EntityManager,
    accountId: string,
    pending: PendingEvent[],
  ): Promise<StreamEvent[]> {
    if (pending.length === 0) return [];
    const head = await queryOne<{ cursor: string }>(
      em,
      'UPDATE account_event_heads SET cursor = cursor + $2 WHERE account_id = $1 RETURNING cursor',
      [accountId, pending.length],
    );
    if (!head) throw new Error(`No event head for account ${accountId}`);
    const first = Number(head.cursor) - pending.length + 1;
    const at = new Date().toISOString();
    const events = pending.map(
      (p, i) =>
        ({
          cursor: first + i,
          type: p.type,
          conversationId: p.conversationId,
          at,
          payload: p.payload,
        }) as StreamEvent,
    );
    await em.query(
      `INSERT INTO events (account_id, cursor, type, conversation_id, payload, created_at)
       SELECT $1, e.cursor, e.type, e.conversation_id, e.payload, $6
         FROM unnest($2::bigint[], $3::text[], $4::uuid[], $5::jsonb[]) AS e(cursor, type, conversation_id, payload)`,
      [
        accountId,
        events.map((e) => e.cursor),
        events.map((e) => e.type),
        events.map((e) => e.conversationId),
        events.map((e) => JSON.stringify(e.payload)),
        at,
      ],
    );
    let notice: string = JSON.stringify({ accountId, events } satisfies EventNotice);
    if (Buffer.byteLength(notice) > MAX_NOTIFY_BYTES) {
      notice = JSON.stringify({
        accountId,
        fromCursor: first,
        toCursor: first + events.length - 1,
      } satisfies EventNotice);
    }
    await em.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, notice]);
    return events;
  }

  /** Events after `cursor`, in order, at most `limit`. */
  async after(
    accountId: string,
    cursor: number,
    limit = 500,
    upTo?: number,
  ): Promise<StreamEvent[]> {
    const rows = await queryRows<EventRow>(
      this.ds.manager,
      `SELECT cursor, type, conversation_id, payload, created_at FROM events
        WHERE account_id = $1 AND cursor > $2 AND ($4::bigint IS NULL OR cursor <= $4)
        ORDER BY cursor LIMIT $3`,
      [accountId, cursor, limit, upTo ?? null],
    );
    return rows.map(
      (r) =>
        ({
          cursor: Number(r.cursor),
          type: r.type,
          conversationId: r.conversation_id,
          at: r.created_at.toISOString(),
          payload: r.payload,
        }) as StreamEvent,
    );
  }

  /** The latest committed cursor and the oldest one still kept. */
  async bounds(accountId: string): Promise<{ head: number; oldest: number | null }> {
    const row = await queryOne<{ head: string | null; oldest: string | null }>(
      this.ds.manager,
      `SELECT (SELECT cursor FROM account_event_heads WHERE account_id = $1) AS head,
              (SELECT min(cursor) FROM events WHERE account_id = $1) AS oldest`,
      [accountId],
    );
    return {
      head: Number(row?.head ?? 0),
      oldest: row?.oldest == null ? null : Number(row.oldest),
    };
  }

  /** Drops events older than the retention window; clients further behind get `stream.reset`. */
  async prune(olderThanDays: number): Promise<number> {
    const rows = await queryRows<{ n: string }>(
      this.ds.manager,
      `WITH d AS (DELETE FROM events WHERE created_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*) AS n FROM d`,
      [olderThanDays],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
