import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationCountsDto, ConversationStatus } from '@switchboard/contracts';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CachedQuery } from '../../core/database/cached-query';
import { SearchPlanRepository } from '../search/search-plan.repository';
import { taggedPage, textSearchPage } from '../search/search-sql.repository';
import {
  conversationSummaryQuery,
  DUE_SNOOZE_ACTIVITY_SQL,
  DUE_SNOOZE_SQL,
  feedFilters,
  NEXT_DUE_IN_MS_SQL,
  type FeedFilter,
} from './conversation-feed-sql.repository';
import type { ConversationSummaryRow } from './conversation.mapper';
import { DueSnoozeWatch } from './due-snooze-watch.repository';
import { ConversationEntity } from './entities/conversation.entity';
import { microsUtc, type Keyset } from './keyset-cursor';
import { PRIORITY_KEYSET_SQL, PRIORITY_RANK_SQL } from '../priority/priority-feed-sql.repository';

type FeedRow = ConversationSummaryRow & { activity_key: string; priority_rank?: number };

/** The feed's reads: keyset pages (search and tags included) and the counts by status. */
@Injectable()
export class ConversationFeedRepository {
  /** Read on every request and change: their SQL is built once a shape. */
  private readonly hot = new CachedQuery();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly searchPlan: SearchPlanRepository,
    private readonly dueSnoozes: DueSnoozeWatch,
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
        : filter.status === 'snoozed'
          ? `c.account_id = :accountId AND c.status = :status AND NOT ${DUE_SNOOZE_SQL}`
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
    const params = {
      ...f.params,
      accountId: filter.accountId,
      status: filter.status,
      at: after?.at,
      afterId: after?.id,
      afterRank: after?.rank,
    };
    const shape = `feed:${filter.status}:${byPriority ? 'priority' : 'activity'}:${clauses.join(' AND ')}:${limit}`;
    const stored = () => this.pageQuery(clauses, 'c.last_activity_at', byPriority, limit);
    if (filter.status !== 'open' || !(await this.dueSnoozes.mayBeDue()))
      return this.hot.rows<FeedRow>(this.ds.manager, shape, stored, params);
    // The open feed also holds the snoozes whose time has come and the sweeper has not yet
    // written (DUE_SNOOZE_SQL): their own page, merged with the stored one in the same statement.
    const due = this.dueSnoozePage(f.clauses, byPriority, after !== null, limit);
    return this.hot.sqlRows<FeedRow>(
      this.ds.manager,
      `open:${shape}:${due.shape}`,
      // raw SQL: a UNION ALL of two builders' pages (each walks its own index, LIMIT inside),
      // ordered as the feed; the builder cannot wrap a union. The keys are fixed-width UTC text.
      () =>
        `SELECT * FROM ((${stored().getQuery()}) UNION ALL (${due.build().getQuery()})) feed
          ORDER BY ${byPriority ? 'feed.priority_rank DESC, ' : ''}feed.activity_key COLLATE "C" DESC, feed.id DESC
          LIMIT ${limit + 1}`,
      params,
    );
  }

  /**
   * Due snoozes not yet woken, as a feed page: walked in the feed's order on the partial index
   * `conversations_due_snooze_feed_idx`, and empty unless the sweeper is behind. Every filter
   * applies as a plain clause (search words and tags included); "most urgent first" sorts them.
   */
  private dueSnoozePage(
    clauses: string[],
    byPriority: boolean,
    paged: boolean,
    limit: number,
  ): { shape: string; build: () => SelectQueryBuilder<ConversationEntity> } {
    const at = DUE_SNOOZE_ACTIVITY_SQL;
    const keyset = !paged
      ? []
      : [
          byPriority
            ? `(${PRIORITY_RANK_SQL}, ${at}, c.id) < (:afterRank, :at::timestamptz, :afterId::uuid)`
            : `(${at}, c.id) < (:at::timestamptz, :afterId::uuid)`,
        ];
    const where = [DUE_SNOOZE_SQL, ...clauses, ...keyset];
    return {
      shape: where.join(' AND '),
      build: () => this.pageQuery(where, at, byPriority, limit),
    };
  }

  /**
   * A feed page's query: the summary rows matching `where`, newest `activity` first (most urgent
   * first by priority), with the keyset's key; one row more than asked says "more".
   */
  private pageQuery(where: string[], activity: string, byPriority: boolean, limit: number) {
    const q = conversationSummaryQuery(this.ds.manager)
      .addSelect(microsUtc(activity), 'activity_key')
      .where('c.account_id = :accountId');
    for (const clause of where) q.andWhere(clause);
    if (byPriority)
      q.addSelect(PRIORITY_RANK_SQL, 'priority_rank').addOrderBy(PRIORITY_RANK_SQL, 'DESC');
    return q
      .addOrderBy(activity, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
  }

  /** Counts by status; null when a search's count was given up on (see withinCountTime). */
  async countByStatus(filter: FeedFilter): Promise<ConversationCountsDto | null> {
    const f = feedFilters(filter);
    const params = { ...f.params, accountId: filter.accountId };
    const counting = (
      em: EntityManager,
      select: (q: SelectQueryBuilder<ConversationEntity>) => void,
    ) => {
      const q = em.createQueryBuilder(ConversationEntity, 'c').where('c.account_id = :accountId');
      if (filter.channel || filter.q) q.innerJoin('c.inbox', 'i').innerJoin('c.contact', 'ct');
      for (const clause of f.clauses) q.andWhere(clause);
      select(q);
      return q;
    };
    const count = async (em: EntityManager) => {
      const rows = await this.hot.rows<{
        status: ConversationStatus;
        n: string;
        next_due_in_ms: string | null;
      }>(
        em,
        `counts:${f.shape}`,
        () =>
          counting(em, (q) =>
            q
              .select('c.status', 'status')
              .addSelect('count(*)', 'n')
              .addSelect(NEXT_DUE_IN_MS_SQL, 'next_due_in_ms')
              .groupBy('c.status'),
          ),
        params,
      );
      const counts: ConversationCountsDto = {
        open: 0,
        snoozed: 0,
        closed: 0,
        nextSnoozeDueInMs: null,
      };
      for (const r of rows) {
        counts[r.status] = Number(r.n);
        if (r.next_due_in_ms !== null)
          counts.nextSnoozeDueInMs = Math.ceil(Number(r.next_due_in_ms));
      }
      if (counts.snoozed === 0 || !(await this.dueSnoozes.mayBeDue(em))) return counts;
      // Snoozes whose time has come count as open (DUE_SNOOZE_SQL), from the partial index.
      const [due] = await this.hot.rows<{ n: string }>(
        em,
        `counts-due:${f.shape}`,
        () => counting(em, (q) => q.select('count(*)', 'n').andWhere(DUE_SNOOZE_SQL)),
        params,
      );
      const moved = Math.min(Number(due?.n ?? 0), counts.snoozed);
      return { ...counts, open: counts.open + moved, snoozed: counts.snoozed - moved };
    };
    // A search's words may be in millions of messages: counting them is bounded in time.
    return f.textSearch ? this.searchPlan.withinCountTime(count) : count(this.ds.manager);
  }
}
