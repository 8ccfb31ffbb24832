import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ParsedSearchQuery } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { textSearchSql } from './search-sql.repository';

export interface SearchMatchRow {
  conversation_id: string;
  id: string;
  text: string;
  created_at: Date;
}

/** Which message of each found conversation matched the search. */
@Injectable()
export class SearchMatchesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The newest message of each of these conversations (of the account) that holds the search's
   * words and phrases: one row per conversation that has one.
   */
  async newestMatches(
    accountId: string,
    conversationIds: string[],
    query: ParsedSearchQuery,
  ): Promise<SearchMatchRow[]> {
    const sql = textSearchSql(query);
    if (!sql || conversationIds.length === 0) return [];
    // Whole words and stems first (cheap to probe, as the walk does); prefixes only for the
    // conversations found by a prefix alone (a prefix probe gathers every word it starts).
    const exact = await this.newest(accountId, conversationIds, sql.messageExact, sql.params);
    const rest = conversationIds.filter((id) => !exact.some((r) => r.conversation_id === id));
    if (rest.length === 0) return exact;
    return [...exact, ...(await this.newest(accountId, rest, sql.message, sql.params))];
  }

  private newest(
    accountId: string,
    ids: string[],
    match: string,
    params: Record<string, unknown>,
  ): Promise<SearchMatchRow[]> {
    const [text, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT x.id AS conversation_id, hit.id, hit.text, hit.created_at
         FROM unnest(:ids::uuid[]) AS x(id)
         CROSS JOIN LATERAL (
           SELECT m.id, m.text, m.created_at FROM messages m
            WHERE m.conversation_id = x.id AND m.account_id = :accountId AND ${match}
            ORDER BY m.created_at DESC, m.id DESC LIMIT 1) hit`,
      { ...params, ids, accountId },
    );
    // raw SQL: unnest and a LATERAL subquery (one index probe per conversation, through
    // messages_search_idx on (conversation_id, words)), which the query builder cannot write.
    return this.ds.query<SearchMatchRow[]>(text, values);
  }
}
