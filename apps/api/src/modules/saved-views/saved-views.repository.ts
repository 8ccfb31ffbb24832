import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SavedViewQuery } from '@switchboard/contracts';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CachedQuery } from '../../core/database/cached-query';
import { SearchPlanRepository } from '../search/search-plan.repository';
import { AccountEventHeadEntity } from '../../core/events/entities/account-event-head.entity';
import { EventEntity } from '../../core/events/entities/event.entity';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessFilter } from '../access/inbox-access.repository';
import { AccountEntity } from '../accounts/entities/account.entity';
import { feedFilters, type FeedFilter } from '../conversations/conversation-feed-sql.repository';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { SavedViewEntity } from './entities/saved-view.entity';

export type NewSavedView = Pick<
  SavedViewEntity,
  'accountId' | 'ownerOperatorId' | 'name' | 'shared' | 'query' | 'pinned' | 'position'
>;

export type SavedViewChanges = Partial<
  Pick<SavedViewEntity, 'name' | 'shared' | 'query' | 'pinned' | 'position'>
>;

/** A view with its owner's name, as lists show it. */
export type SavedViewWithOwner = SavedViewEntity & { ownerOperator: Pick<OperatorEntity, 'name'> };

/** PostgreSQL's unique_violation: the name is taken by another view of the owner or account. */
export function isViewNameTaken(err: unknown): boolean {
  return (err as { driverError?: { code?: string } }).driverError?.code === '23505';
}

@Injectable()
export class SavedViewsRepository {
  /** View counts run on every stream change for every open tab: their SQL is built once a shape. */
  private readonly hot = new CachedQuery();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly searchPlan: SearchPlanRepository,
  ) {}

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.ds.manager;
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The operator's own views and the account's shared ones, in sidebar order. */
  listVisible(accountId: string, operatorId: string): Promise<SavedViewWithOwner[]> {
    return this.visible(this.ds.manager, accountId, operatorId)
      .orderBy('v.pinned', 'DESC')
      .addOrderBy('v.position', 'ASC')
      .addOrderBy('lower(v.name)', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .getMany() as Promise<SavedViewWithOwner[]>;
  }

  /** One view the operator may see (theirs, or shared in their account); null otherwise. */
  findVisible(
    em: EntityManager,
    id: string,
    accountId: string,
    operatorId: string,
  ): Promise<SavedViewWithOwner | null> {
    return this.visible(em, accountId, operatorId)
      .andWhere('v.id = :id', { id })
      .getOne() as Promise<SavedViewWithOwner | null>;
  }

  /** One view of the account, whoever may see it (the answer to a change that hid it). */
  findInAccount(
    em: EntityManager,
    id: string,
    accountId: string,
  ): Promise<SavedViewWithOwner | null> {
    return em
      .createQueryBuilder(SavedViewEntity, 'v')
      .innerJoin('v.ownerOperator', 'o')
      .addSelect('o.name')
      .where('v.account_id = :accountId AND v.id = :id', { accountId, id })
      .getOne() as Promise<SavedViewWithOwner | null>;
  }

  /**
   * Serialises view creation per owner (and per account for shared views) so the limits hold
   * under concurrent requests. NO KEY UPDATE does not block rows that merely reference the owner.
   */
  async lockOwner(em: EntityManager, operatorId: string): Promise<void> {
    await em
      .createQueryBuilder(OperatorEntity, 'o')
      .select('o.id')
      .where('o.id = :operatorId', { operatorId })
      .setLock('for_no_key_update')
      .getOne();
  }

  async lockAccount(em: EntityManager, accountId: string): Promise<void> {
    await em
      .createQueryBuilder(AccountEntity, 'a')
      .select('a.id')
      .where('a.id = :accountId', { accountId })
      .setLock('for_no_key_update')
      .getOne();
  }

  countOwnedBy(em: EntityManager, operatorId: string): Promise<number> {
    return em.getRepository(SavedViewEntity).countBy({ ownerOperatorId: operatorId });
  }

  countShared(em: EntityManager, accountId: string): Promise<number> {
    return em.getRepository(SavedViewEntity).countBy({ accountId, shared: true });
  }

  /** The position after the owner's last view. */
  async nextPosition(em: EntityManager, operatorId: string): Promise<number> {
    const row = await em
      .createQueryBuilder(SavedViewEntity, 'v')
      .select('max(v.position)', 'max')
      .where('v.owner_operator_id = :operatorId', { operatorId })
      .getRawOne<{ max: number | null }>();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }

  async insert(em: EntityManager, view: NewSavedView): Promise<string> {
    const saved = await em.getRepository(SavedViewEntity).save({ ...view });
    return saved.id;
  }

  async update(em: EntityManager, id: string, changes: SavedViewChanges): Promise<void> {
    // TypeORM's deep-partial type cannot see into a jsonb record; the row's shape is the entity's.
    await em
      .getRepository(SavedViewEntity)
      .update({ id }, changes as QueryDeepPartialEntity<SavedViewEntity>);
  }

  async delete(id: string): Promise<void> {
    await this.ds.getRepository(SavedViewEntity).delete({ id });
  }

  /**
   * How many conversations match one feed query for one viewer: the feed's own filters (inbox
   * access included) and the query's status, as one count. The joins the feed's filters may name
   * are LEFT joins on primary keys, which PostgreSQL drops when no filter uses them, so a tag or
   * assignee view stays an indexed count.
   */
  async countMatching(filter: FeedFilter & Pick<SavedViewQuery, 'status'>): Promise<number | null> {
    const f = feedFilters(filter);
    // `all` (search over all history) counts every status.
    const byStatus = filter.status !== 'all';
    const count = async (em: EntityManager) => {
      const rows = await this.hot.rows<{ n: string }>(
        em,
        `view-count:${byStatus}:${f.shape}`,
        () => {
          const q: SelectQueryBuilder<ConversationEntity> = em
            .createQueryBuilder(ConversationEntity, 'c')
            .leftJoin('c.inbox', 'i')
            .leftJoin('c.contact', 'ct')
            .leftJoin('c.identity', 'ci')
            .select('count(*)', 'n')
            .where('c.account_id = :accountId');
          if (byStatus) q.andWhere('c.status = :status');
          for (const clause of f.clauses) q.andWhere(clause);
          return q;
        },
        { ...f.params, accountId: filter.accountId, status: filter.status },
      );
      return Number(rows[0]?.n ?? 0);
    };
    // A view's words may be in millions of messages: bounded in time like the feed's counts
    // (null, "too broad to count", rather than a connection held for seconds on every change).
    return f.textSearch ? this.searchPlan.withinCountTime(count) : count(this.ds.manager);
  }

  /**
   * Where the account's stream stands, as one token that changes with every committed change
   * that appended an event: the head cursor, and the newest event still waiting for its cursor
   * (numbered just after its commit). Read in one statement, so in one snapshot. Null for an
   * account without a head row yet (nothing to compare with).
   */
  async streamPosition(accountId: string): Promise<string | null> {
    const row = await this.ds.manager
      .createQueryBuilder(AccountEventHeadEntity, 'h')
      .select('h.cursor', 'head')
      .addSelect(
        (sub) =>
          sub
            .select('max(e.id)')
            .from(EventEntity, 'e')
            .where('e.account_id = h.account_id AND e.cursor IS NULL'),
        'pending',
      )
      .where('h.account_id = :accountId', { accountId })
      .getRawOne<{ head: string; pending: string | null }>();
    return row ? `${row.head}:${row.pending ?? ''}` : null;
  }

  /** What the viewer's inbox access admits, as one key: `all` for admins, else their inboxes. */
  async accessScope(viewer: ConversationViewer): Promise<string> {
    const access = inboxAccessFilter(viewer, 'i.id');
    if (!access.clause) return 'all';
    const rows = await this.ds.manager
      .createQueryBuilder(InboxEntity, 'i')
      .select('i.id', 'id')
      .where('i.account_id = :accountId', { accountId: viewer.accountId })
      .andWhere(access.clause, access.params)
      .orderBy('i.id')
      .getRawMany<{ id: string }>();
    return `inboxes:${rows.map((r) => r.id).join(',')}`;
  }

  private visible(
    em: EntityManager,
    accountId: string,
    operatorId: string,
  ): SelectQueryBuilder<SavedViewEntity> {
    return em
      .createQueryBuilder(SavedViewEntity, 'v')
      .innerJoin('v.ownerOperator', 'o')
      .addSelect('o.name')
      .where('v.account_id = :accountId', { accountId })
      .andWhere('(v.owner_operator_id = :operatorId OR v.shared)', { operatorId });
  }
}
