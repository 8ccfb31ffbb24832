import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SearchMode, TextSearchSql } from './search-sql.repository';

/** Below this many messages every way is fast: walk and probe, as for any word. */
const SMALL_TABLE = 100_000;
/**
 * Estimated share of messages holding the words from which reading a conversation's messages
 * beats probing the index (estimates run 2–3 times high: a word's stems add up).
 */
const COMMON_SHARE = 0.03;
/** Estimated share below which a page goes straight to the index's few messages. */
const RARE_SHARE = 0.003;
const TOTAL_TTL_MS = 60_000;
/** How long counting a search may take before it gives up (a common word: every match is read). */
export const SEARCH_COUNT_TIMEOUT_MS = 3_000;
/** PostgreSQL's query_canceled, which statement_timeout raises. */
const QUERY_CANCELED = '57014';

/**
 * Chooses how a search page finds messages from PostgreSQL's own estimate of how many hold the
 * words (`messages_search_stats`: the most common lexemes and their frequencies). A wrong
 * estimate costs time, never results: every mode returns the same conversations.
 */
@Injectable()
export class SearchPlanRepository {
  private total: { rows: number; at: number } | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async mode(sql: TextSearchSql): Promise<SearchMode> {
    const total = await this.totalMessages();
    if (total < SMALL_TABLE) return 'walk';
    const [text, values] = this.ds.driver.escapeQueryWithParameters(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM messages m WHERE ${sql.messageExact}`,
      sql.params,
    );
    // raw SQL: EXPLAIN, for the planner's row estimate (about a millisecond, nothing is read).
    const plan = await this.ds.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[]>(
      text,
      values,
    );
    const share = (plan[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0) / total;
    return share >= COMMON_SHARE ? 'common' : share < RARE_SHARE ? 'rare' : 'walk';
  }

  /**
   * Runs `work` in a transaction whose statements PostgreSQL cancels after
   * SEARCH_COUNT_TIMEOUT_MS; resolves `null` when it did.
   */
  async withinCountTime<T>(work: (em: EntityManager) => Promise<T>): Promise<T | null> {
    try {
      return await this.ds.transaction(async (em) => {
        // raw SQL: SET LOCAL (a setting for this transaction only), which the builder lacks.
        await em.query(`SET LOCAL statement_timeout = ${SEARCH_COUNT_TIMEOUT_MS}`);
        return work(em);
      });
    } catch (e) {
      if ((e as { code?: unknown }).code === QUERY_CANCELED) return null;
      throw e;
    }
  }

  /** The planner's count of messages (pg_class.reltuples, kept by ANALYZE), cached a minute. */
  private async totalMessages(): Promise<number> {
    if (this.total && Date.now() - this.total.at < TOTAL_TTL_MS) return this.total.rows;
    const rows = await this.ds
      .createQueryBuilder()
      .select('c.reltuples', 'rows')
      .from('pg_class', 'c')
      .where(`c.oid = 'messages'::regclass`)
      .getRawOne<{ rows: number }>();
    this.total = { rows: Math.max(0, Number(rows?.rows ?? 0)), at: Date.now() };
    return this.total.rows;
  }
}
