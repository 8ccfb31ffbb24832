import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StreamEvent } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql-rows';
import type { PendingEvent } from './pending-event';

interface EventRow {
  cursor: string;
  type: StreamEvent['type'];
  conversation_id: string | null;
  payload: StreamEvent['payload'];
  created_at: Date;
}

/** Accounts whose new events a transaction will want sequenced once it commits. */
export const PENDING_ACCOUNTS_KEY = 'switchboardPendingAccounts';

/**
 * The per-account event log behind the conversation stream.
 *
 * A change records its events in its own transaction (`append`), without a cursor. Right after
 * the commit, `sequence` numbers every committed, unnumbered event of the account in one
 * statement: it locks the account's head row only inside that statement (never across a client
 * round trip), so cursors are gap-free, strictly increasing, and never handed out to an event
 * that could still roll back. A reader can therefore never move past an event that commits later.
 * Changes to one conversation already serialise on its row lock, so their events keep their order.
 */
@Injectable()
export class EventLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records events inside the caller's transaction. They get their cursor just after commit. */
  async append(em: EntityManager, accountId: string, pending: PendingEvent[]): Promise<void> {
    if (pending.length === 0) return;
    await em.query(
      `INSERT INTO events (account_id, type, conversation_id, payload, created_at)
       SELECT $1, e.type, e.conversation_id, e.payload, now()
         FROM unnest($2::text[], $3::uuid[], $4::jsonb[]) WITH ORDINALITY AS e(type, conversation_id, payload, ord)
        ORDER BY e.ord`,
      [
        accountId,
        pending.map((p) => p.type),
        pending.map((p) => p.conversationId),
        pending.map((p) => JSON.stringify(p.payload)),
      ],
    );
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) {
      const data = runner.data as { [PENDING_ACCOUNTS_KEY]?: Set<string> };
      (data[PENDING_ACCOUNTS_KEY] ??= new Set()).add(accountId);
    } else {
      this.committed?.(accountId);
    }
  }

  /** Set by the sequencer: called with an account whose events just committed. */
  committed: ((accountId: string) => void) | null = null;

  /** For events written by a statement that committed on its own (no TypeORM transaction). */
  notifyCommitted(accountId: string): void {
    this.committed?.(accountId);
  }

  /**
   * Numbers the account's committed, unnumbered events (oldest first) and returns them. One
   * autocommit statement: the head row is locked only while it runs.
   */
  async sequence(accountId: string): Promise<StreamEvent[]> {
    const rows = await queryRows<EventRow>(
      this.ds.manager,
      `WITH pending AS (
         SELECT id FROM events WHERE account_id = $1 AND cursor IS NULL ORDER BY id FOR UPDATE
       ),
       counted AS (SELECT count(*) AS n FROM pending),
       head AS (
         UPDATE account_event_heads SET cursor = cursor + (SELECT n FROM counted)
          WHERE account_id = $1 AND (SELECT n FROM counted) > 0
          RETURNING cursor
       ),
       numbered AS (
         SELECT p.id, (SELECT cursor FROM head) - (SELECT n FROM counted) + row_number() OVER (ORDER BY p.id) AS cursor
           FROM pending p
       )
       UPDATE events e SET cursor = numbered.cursor FROM numbered
        WHERE e.id = numbered.id
       RETURNING e.cursor, e.type, e.conversation_id, e.payload, e.created_at`,
      [accountId],
    );
    return rows.map(toStreamEvent).sort((a, b) => a.cursor - b.cursor);
  }

  /** Accounts with events that committed but were never numbered (a crash between the two). */
  async accountsWithUnsequenced(olderThanMs: number): Promise<string[]> {
    const rows = await queryRows<{ account_id: string }>(
      this.ds.manager,
      `SELECT DISTINCT account_id FROM events
        WHERE cursor IS NULL AND created_at < now() - make_interval(secs => $1 / 1000.0)`,
      [olderThanMs],
    );
    return rows.map((r) => r.account_id);
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
    return rows.map(toStreamEvent);
  }

  /** The latest numbered cursor and the oldest one still kept. */
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
      `WITH d AS (DELETE FROM events WHERE cursor IS NOT NULL AND created_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT count(*) AS n FROM d`,
      [olderThanDays],
    );
    return Number(rows[0]?.n ?? 0);
  }
}

function toStreamEvent(r: EventRow): StreamEvent {
  return {
    cursor: Number(r.cursor),
    type: r.type,
    conversationId: r.conversation_id,
    at: r.created_at.toISOString(),
    payload: r.payload,
  } as StreamEvent;
}
