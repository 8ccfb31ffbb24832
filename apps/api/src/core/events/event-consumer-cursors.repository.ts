import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StreamEvent, StreamEventType } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql-rows';
import { toStreamEvent } from './events.mapper';
import type { LoggedEvent } from './events.repository';

/** A committed event as a durable consumer receives it. */
export interface ConsumedEvent {
  event: StreamEvent;
  /** The automation rule whose action caused it, if any. */
  originRuleId: string | null;
}

/** Up to `limit` events after a cursor, as far as one consumer reads them. */
export interface EventWindow {
  /** The events of the window whose type the consumer reads, in cursor order. */
  events: ConsumedEvent[];
  /** How many events the window spans, read or not (0: nothing after the cursor). */
  size: number;
  /** The window's last cursor: where the consumer's cursor moves once it handled them. */
  last: number;
}

/** Email HTML longer than this (characters) is not handed to consumers that never read it. */
const LARGE_HTML = 16_384;

/** The cursors of durable event consumers and the reads they make of the log. */
@Injectable()
export class EventConsumerCursorsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Records the consumer once; its `started_at` is when it first ran anywhere. */
  async register(name: string): Promise<void> {
    // raw SQL: INSERT … ON CONFLICT DO NOTHING, once per start.
    await this.ds.query(
      `INSERT INTO event_consumers (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
  }

  /**
   * Locks the consumer's cursor row of the account for this transaction, creating it first if
   * missing (after the account's last event before the consumer started). Null when another
   * instance holds it: that one is handling the account's events now.
   */
  async claim(em: EntityManager, consumer: string, accountId: string): Promise<number | null> {
    // raw SQL: SKIP LOCKED is how instances share accounts without waiting on each other.
    const locked = await queryRows<{ cursor: string }>(
      em,
      `SELECT cursor FROM event_consumer_cursors
        WHERE consumer = $1 AND account_id = $2 FOR UPDATE SKIP LOCKED`,
      [consumer, accountId],
    );
    if (locked[0]) return Number(locked[0].cursor);
    // raw SQL: INSERT … SELECT with a scalar subquery and ON CONFLICT … RETURNING, one round trip.
    const created = await queryRows<{ cursor: string }>(
      em,
      `INSERT INTO event_consumer_cursors (consumer, account_id, cursor)
       SELECT $1, $2, coalesce((SELECT max(e.cursor) FROM events e
                                 WHERE e.account_id = $2 AND e.cursor IS NOT NULL
                                   AND e.created_at < c.started_at), 0)
         FROM event_consumers c WHERE c.name = $1
       ON CONFLICT (consumer, account_id) DO NOTHING
       RETURNING cursor`,
      [consumer, accountId],
    );
    // Nothing returned: another instance created it meanwhile and may hold it; it handles them.
    return created[0] ? Number(created[0].cursor) : null;
  }

  /**
   * The next `limit` numbered events after `cursor`, oldest first. Only the types in `types` (all
   * when null) come with their payload: the others only count towards the window, so a consumer
   * that reads a few types does not pay to serialise and parse the rest. Without `withHtml`, a
   * message's email HTML longer than LARGE_HTML characters comes as null (see
   * DurableEventHandler.readsMessageHtml).
   */
  async eventsAfter(
    em: EntityManager,
    accountId: string,
    cursor: number,
    limit: number,
    withHtml = true,
    types: readonly StreamEventType[] | null = null,
  ): Promise<EventWindow> {
    // raw SQL: the batch read of every consumer, with the column the stream's mapper does not read,
    // a large HTML body left in the database for the consumers that never look at it, and the
    // payloads of types the consumer skips left unsent.
    const rows = await queryRows<LoggedEvent & { originRuleId: string | null; wanted: boolean }>(
      em,
      `SELECT cursor, type, conversation_id AS "conversationId", wanted,
              CASE WHEN NOT wanted THEN NULL
                   WHEN NOT $4 AND type = 'message.created'
                        AND length(payload -> 'message' ->> 'html') > $5
                   THEN jsonb_set(payload, '{message,html}', 'null')
                   ELSE payload END AS payload,
              created_at AS "createdAt", origin_rule_id AS "originRuleId"
         FROM (SELECT *, ($6::text[] IS NULL OR type = ANY($6::text[])) AS wanted
                 FROM events WHERE account_id = $1 AND cursor > $2 ORDER BY cursor LIMIT $3) e
        ORDER BY cursor`,
      [accountId, cursor, limit, withHtml, LARGE_HTML, types],
    );
    const last = rows[rows.length - 1];
    return {
      events: rows
        .filter((r) => r.wanted)
        .map((r) => ({ event: toStreamEvent(r), originRuleId: r.originRuleId })),
      size: rows.length,
      last: last ? Number(last.cursor) : cursor,
    };
  }

  /** The oldest cursor the log still keeps for the account (older ones were pruned). */
  async oldestKept(em: EntityManager, accountId: string): Promise<number | null> {
    // raw SQL: an aggregate over the account's kept events, read only after a miss.
    const row = await queryOne<{ oldest: string | null }>(
      em,
      `SELECT min(cursor) AS oldest FROM events WHERE account_id = $1 AND cursor IS NOT NULL`,
      [accountId],
    );
    return row?.oldest == null ? null : Number(row.oldest);
  }

  /** The account's last numbered cursor (0 before its first event). */
  async headOf(em: EntityManager, accountId: string): Promise<number> {
    // raw SQL: one primary-key read of the counter the numbering statements keep.
    const row = await queryOne<{ cursor: string }>(
      em,
      `SELECT cursor FROM account_event_heads WHERE account_id = $1`,
      [accountId],
    );
    return row ? Number(row.cursor) : 0;
  }

  /**
   * Where the consumer stands in the account, read without a lock: the head and its cursor (null
   * while it has no cursor row there). One round trip, so a consumer with nothing new to read, or
   * nothing to act on, does not open a transaction to find out.
   */
  async position(
    consumer: string,
    accountId: string,
  ): Promise<{ head: number; cursor: number | null }> {
    // raw SQL: two primary-key reads in one round trip.
    const row = await queryOne<{ head: string | null; cursor: string | null }>(
      this.ds.manager,
      `SELECT (SELECT cursor FROM account_event_heads WHERE account_id = $2) AS head,
              (SELECT cursor FROM event_consumer_cursors
                WHERE consumer = $1 AND account_id = $2) AS cursor`,
      [consumer, accountId],
    );
    return {
      head: row?.head == null ? 0 : Number(row.head),
      cursor: row?.cursor == null ? null : Number(row.cursor),
    };
  }

  /**
   * Moves an idle consumer's cursor forward to `head` in one statement, committed on its own.
   * False when another instance holds the cursor (it is handling the account now): that row is
   * skipped, never waited for. Never moves a cursor back.
   */
  async skipTo(consumer: string, accountId: string, head: number): Promise<boolean> {
    // raw SQL: UPDATE over a FOR UPDATE SKIP LOCKED claim, one round trip and no transaction.
    const row = await queryOne<{ claimed: boolean }>(
      this.ds.manager,
      `WITH claimed AS (
         SELECT consumer, account_id, cursor FROM event_consumer_cursors
          WHERE consumer = $1 AND account_id = $2 FOR UPDATE SKIP LOCKED
       ), moved AS (
         UPDATE event_consumer_cursors c SET cursor = $3, updated_at = now()
           FROM claimed
          WHERE c.consumer = claimed.consumer AND c.account_id = claimed.account_id
            AND claimed.cursor < $3
         RETURNING c.cursor
       )
       SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, (SELECT count(*) FROM moved) AS moved`,
      [consumer, accountId, head],
    );
    return row?.claimed === true;
  }

  async advance(em: EntityManager, consumer: string, accountId: string, cursor: number) {
    // raw SQL: one UPDATE by primary key inside the consumer's transaction.
    await em.query(
      `UPDATE event_consumer_cursors SET cursor = $3, updated_at = now()
        WHERE consumer = $1 AND account_id = $2`,
      [consumer, accountId, cursor],
    );
  }

  /** Accounts whose stream head is past the consumer's cursor (or that it has never seen). */
  async accountsBehind(consumer: string): Promise<string[]> {
    // raw SQL: a LEFT JOIN anti-comparison of heads and cursors, every 2 s.
    const rows = await queryRows<{ accountId: string }>(
      this.ds.manager,
      `SELECT h.account_id AS "accountId"
         FROM account_event_heads h
         LEFT JOIN event_consumer_cursors c ON c.account_id = h.account_id AND c.consumer = $1
        WHERE h.cursor > coalesce(c.cursor, -1)`,
      [consumer],
    );
    return rows.map((r) => r.accountId);
  }
}
