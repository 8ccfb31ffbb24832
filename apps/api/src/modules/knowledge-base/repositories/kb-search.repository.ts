import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KbArticleStatus, KbLocale, ParsedSearchQuery } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { searchTsQuery } from '../../search/search-sql.repository';

export interface KbSearchRow {
  article_id: string;
  version_id: string;
  locale: KbLocale;
  title: string;
  slug: string;
  body_text: string;
  status: KbArticleStatus;
}

export interface KbSearchFilter {
  locale?: KbLocale;
  status?: KbArticleStatus;
  limit: number;
}

/**
 * Articles found by words, through the same multilingual `sb_search_vector` as messages (stems for
 * Russian and Arabic, every script as written, prefixes), best match first.
 */
@Injectable()
export class KbSearchRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async search(
    accountId: string,
    query: ParsedSearchQuery,
    filter: KbSearchFilter,
  ): Promise<KbSearchRow[]> {
    const ts = searchTsQuery(query);
    if (!ts) return [];
    const vector = `sb_search_vector(v.title || ' ' || v.body_text)`;
    const where = [`v.account_id = :accountId`, `${vector} @@ ${ts.tsquery}`];
    if (filter.locale) where.push('v.locale = :locale');
    if (filter.status) where.push('v.status = :status');
    const [text, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT v.article_id, v.id AS version_id, v.locale, v.title, v.slug, v.body_text, v.status
         FROM kb_article_versions v
        WHERE ${where.join(' AND ')}
        ORDER BY ts_rank(${vector}, ${ts.tsquery}) DESC, v.updated_at DESC, v.id
        LIMIT :limit`,
      {
        ...ts.params,
        accountId,
        locale: filter.locale ?? null,
        status: filter.status ?? null,
        limit: filter.limit,
      },
    );
    // raw SQL: the tsquery is built from SQL functions over bound words (searchTsQuery) and
    // matched against the expression kb_article_versions_search_idx holds, ranked by ts_rank.
    return this.ds.query<KbSearchRow[]>(text, values);
  }
}
