import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql-rows';
import { EventEntity } from './entities/event.entity';
import type { PendingEvent } from './pending-event';

/** What the stream needs of a numbered event (see events.mapper.ts). */
export type LoggedEvent = Pick<
  EventEntity,
  'cursor' | 'type' | 'conversationId' | 'payload' | 'createdAt'
>;

/** The `events` log and the per-account `account_event_heads` counters. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Inserts events, in order and without a cursor, inside the caller's transaction. */
  async append(em: EntityManager, accountId: string, pending: PendingEvent[]): Promise<void> {
    // raw SQL: unnest inserts the whole batch in one statement; on every message's path (benchmarked).
    // The payloads go as one JSON array, not as jsonb[]: the driver escapes an array's elements
    // character by character on the API's thread (about 20 ms for a large email's HTML).
    await em.query(
      `INSERT INTO events (account_id, type, conversation_id, payload, origin_rule_id, created_at)
       SELECT $1, e.type, e.conversation_id, $4::jsonb -> (e.ord::int - 1), e.origin_rule_id, now()
         FROM unnest($2::text[], $3::uuid[], $5::uuid[])
              WITH ORDINALITY AS e(type, conversation_id, origin_rule_id, ord)
        ORDER BY e.ord`,
      [
        accountId,
        pending.map((p) => p.type),
        pending.map((p) => p.conversationId),
        JSON.stringify(pending.map((p) => p.payload)),
        pending.map((p) => p.originRuleId ?? null),
      ],
    );
  }

  /**
   * Inserts events already numbered, inside the caller's transaction, and returns them: the
   * account's committed events still waiting for the sequencer first, then these (see
   * sb_append_numbered). Holds the account's head row until the transaction ends, so it must be
   * the transaction's last write.
   */
  appendNumbered(
    em: EntityManager,
    accountId: string,
    pending: PendingEvent[],
  ): Promise<LoggedEvent[]> {
    // raw SQL: sb_append_numbered, the one numbering statement the ingest batch uses too.
    return queryRows<LoggedEvent>(
      em,
      `SELECT cursor, type, conversation_id AS "conversationId", payload, created_at AS "createdAt"
         FROM sb_append_numbered($1, $2::jsonb) ORDER BY cursor`,
      [
        accountId,
        JSON.stringify(
          pending.map(({ type, conversationId, payload, originRuleId }) => ({
            type,
            conversationId,
            payload,
            originRuleId: originRuleId ?? null,
          })),
        ),
      ],
    );
  }

  /**
   * Numbers the account's committed, unnumbered events (oldest first) and returns them, in no
   * particular order. One autocommit statement: the head row is locked only while it runs.
   */
  sequence(accountId: string): Promise<LoggedEvent[]> {
    // raw SQL: FOR UPDATE and UPDATE ... RETURNING inside CTEs, one statement (the stream's hot path).
    return queryRows<LoggedEvent>(
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
       RETURNING e.cursor, e.type, e.conversation_id AS "conversationId", e.payload, e.created_at AS "createdAt"`,
      [accountId],
    );
  }

  /** Accounts with events committed more than `olderThanMs` ago that still have no cursor. */
  async accountsWithUnsequenced(olderThanMs: number): Promise<string[]> {
    const rows = await this.ds
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .select('e.accountId', 'accountId')
      .distinct(true)
      .where('e.cursor IS NULL')
      .andWhere('e.createdAt < now() - make_interval(secs => :olderThanMs / 1000.0)', {
        olderThanMs,
      })
      .getRawMany<{ accountId: string }>();
    return rows.map((r) => r.accountId);
  }

  /** Numbered events after `cursor` (up to `upTo` when given), in cursor order, at most `limit`. */
  listAfter(
    accountId: string,
    cursor: number,
    limit: number,
    upTo?: number,
  ): Promise<LoggedEvent[]> {
    const query = this.ds
      .getRepository(EventEntity)
      .createQueryBuilder('e')
      .select('e.cursor', 'cursor')
      .addSelect('e.type', 'type')
      .addSelect('e.conversationId', 'conversationId')
      .addSelect('e.payload', 'payload')
      .addSelect('e.createdAt', 'createdAt')
      .where('e.accountId = :accountId', { accountId })
      .andWhere('e.cursor > :cursor', { cursor });
    if (upTo !== undefined) query.andWhere('e.cursor <= :upTo', { upTo });
    return query.orderBy('e.cursor').limit(limit).getRawMany<LoggedEvent>();
  }

  /** The account's last handed-out cursor and the oldest one still kept (bigints, as strings). */
  async bounds(accountId: string): Promise<{ head: string | null; oldest: string | null }> {
    // raw SQL: two scalar subqueries in one round trip; read on every socket connect and head check.
    const row = await queryOne<{ head: string | null; oldest: string | null }>(
      this.ds.manager,
      `SELECT (SELECT cursor FROM account_event_heads WHERE account_id = $1) AS head,
              (SELECT min(cursor) FROM events WHERE account_id = $1) AS oldest`,
      [accountId],
    );
    return { head: row?.head ?? null, oldest: row?.oldest ?? null };
  }

  /** Deletes numbered events older than `olderThanDays`; returns how many. */
  async deleteNumberedOlderThan(olderThanDays: number): Promise<number> {
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(EventEntity)
      .where('cursor IS NOT NULL')
      .andWhere('created_at < now() - make_interval(days => :olderThanDays)', { olderThanDays })
      .execute();
    return result.affected ?? 0;
  }
}
