import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationCountsDto, ConversationStatus } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CachedQuery } from '../../core/database/cached-query';
import { SearchPlanRepository } from '../search/search-plan.repository';
import { taggedPage, textSearchPage } from '../search/search-sql.repository';
import {
  conversationSummaryQuery,
  feedFilters,
  type FeedFilter,
} from './conversation-feed-sql.repository';
import type { ConversationSummaryRow } from './conversation.mapper';
import { ConversationEntity } from './entities/conversation.entity';
import { microsUtc, type Keyset } from './keyset-cursor';
import { PRIORITY_KEYSET_SQL, PRIORITY_RANK_SQL } from '../priority/priority-feed-sql.repository';

/** The feed's reads: keyset pages (search and tags included) and the counts by status. */
@Injectable()
export class ConversationFeedRepository {
  /** Read on every request and change: their SQL is built once a shape. */
  private readonly hot = new CachedQuery();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly searchPlan: SearchPlanRepository,
  ) {}

  /**
   * One keyset page of the feed, newest activity first; one row more than asked says "more".
   * With search words, each way of matching (a message, the contact, the subject) finds its own
   * newest page and the page is the newest of them (textSearchPage; docs/architecture.md, Search).
   */
  async listFeedPage(
    filter: FeedFilter & { status: ConversationStatus | 'all' },
    after: (Keyset & { rank?: number }) | null,
    limit: number,
  ) {
    const f = feedFilters(filter);
    // Most urgent first (modules/priority): the keyset gains the rank; its index serves the
    // plain feed, and search words or tags filter as plain clauses (correct, not walked).
    const byPriority = filter.sort === 'priority';
    const keyset = !after
      ? null
      : byPriority
        ? PRIORITY_KEYSET_SQL
        : '(c.last_activity_at, c.id) < (:at::timestamptz, :afterId::uuid)';
    // With search words or tags, the page is found its own way (modules/search); the rest of
    // the filters and the keyset apply inside it.
    const special = byPriority ? undefined : (f.textSearch?.clause ?? f.tags?.clause);
    const where = [
      filter.status === 'all'
        ? 'c.account_id = :accountId'
        : 'c.account_id = :accountId AND c.status = :status',
      ...f.clauses.filter((c) => c !== special),
      ...(keyset ? [keyset] : []),
    ].join(' AND ');
    const clauses = byPriority
      ? [where]
      : f.textSearch
        ? [
            textSearchPage(
              f.textSearch.sql,
              where,
              limit + 1,
              await this.searchPlan.mode(f.textSearch.sql),
            ),
          ]
        : f.tags
          ? [taggedPage(where, limit + 1, f.tags.ids)]
          : [where];
    return this.hot.rows<ConversationSummaryRow & { activity_key: string; priority_rank?: number }>(
      this.ds.manager,
      `feed:${filter.status === 'all'}:${byPriority ? 'priority' : 'activity'}:${clauses.join(' AND ')}:${limit}`,
      () => {
        const q = conversationSummaryQuery(this.ds.manager)
          .addSelect(microsUtc('c.last_activity_at'), 'activity_key')
          .where('c.account_id = :accountId');
        for (const clause of clauses) q.andWhere(clause);
        if (byPriority)
          q.addSelect(PRIORITY_RANK_SQL, 'priority_rank').addOrderBy(PRIORITY_RANK_SQL, 'DESC');
        return q
          .addOrderBy('c.last_activity_at', 'DESC')
          .addOrderBy('c.id', 'DESC')
          .limit(limit + 1);
      },
      {
        ...f.params,
        accountId: filter.accountId,
        status: filter.status,
        at: after?.at,
        afterId: after?.id,
        afterRank: after?.rank,
      },
    );
  }

  /** Counts by status; null when a search's count was given up on (see withinCountTime). */
  async countByStatus(filter: FeedFilter): Promise<ConversationCountsDto | null> {
    const f = feedFilters(filter);
    const count = (em: EntityManager) =>
      this.hot.rows<{ status: keyof ConversationCountsDto; n: string }>(
        em,
        `counts:${f.shape}`,
        () => {
          const q = em
            .createQueryBuilder(ConversationEntity, 'c')
            .select('c.status', 'status')
            .addSelect('count(*)', 'n')
            .where('c.account_id = :accountId');
          if (filter.channel || filter.q) q.innerJoin('c.inbox', 'i').innerJoin('c.contact', 'ct');
          for (const clause of f.clauses) q.andWhere(clause);
          return q.groupBy('c.status');
        },
        { ...f.params, accountId: filter.accountId },
      );
    // A search's words may be in millions of messages: counting them is bounded in time.
    const rows = f.textSearch
      ? await this.searchPlan.withinCountTime(count)
      : await count(this.ds.manager);
    if (!rows) return null;
    const counts: ConversationCountsDto = { open: 0, snoozed: 0, closed: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }
}
