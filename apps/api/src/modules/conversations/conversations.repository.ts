import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { TeamEntity } from '../access/entities/team.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { toSummaryDto, type ConversationSummaryRow } from './conversation.mapper';
import { CachedQuery } from '../../core/database/cached-query';
import { isUuid } from './keyset-cursor';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessClause, inboxAccessFilter } from '../access/inbox-access.repository';
import { conversationSummaryQuery } from './conversation-feed-sql.repository';

export interface NewConversation {
  id: string;
  accountId: string;
  number: number;
  inboxId: string;
  contactId: string;
  identityId: string;
  subject: string | null;
}

/** Conversations: row locks for every change, the changes themselves, and the summary. */
@Injectable()
export class ConversationsRepository {
  /** The feed and the summary are read on every request and change: their SQL is built once. */
  private readonly hot = new CachedQuery();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.ds.manager;
  }

  /**
   * Locks one conversation the operator may work (their account, an inbox they have access to)
   * for the rest of the transaction; null otherwise, which callers answer with 404.
   */
  async lockOwned(em: EntityManager, viewer: ConversationViewer, id: string) {
    if (!isUuid(id)) return null;
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.accountId = :accountId', { id, accountId: viewer.accountId });
    if (access.clause) q.andWhere(access.clause, access.params);
    return q.setLock('pessimistic_write').getOne();
  }

  /** Locks one conversation of the account for the rest of the transaction. */
  lockForAccount(em: EntityManager, accountId: string, id: string) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.accountId = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The identity's newest conversation, locked: where a message without thread hints lands. */
  lockLatestOfIdentity(em: EntityManager, identityId: string) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.identityId = :identityId', { identityId })
      .orderBy('c.createdAt', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The conversation holding the newest of these channel message ids (email References), locked. */
  lockByMessageExternalIds(em: EntityManager, accountId: string, externalIds: string[]) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where(
        (qb) =>
          `c.id = ${qb
            .subQuery()
            .select('m.conversation_id')
            .from('messages', 'm')
            .where('m.account_id = :accountId AND m.external_id = ANY(:externalIds)')
            .orderBy('m.created_at', 'DESC')
            .limit(1)
            .getQuery()}`,
      )
      .setParameters({ accountId, externalIds })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(em: EntityManager, conv: NewConversation): Promise<ConversationEntity> {
    const repo = em.getRepository(ConversationEntity);
    const result = await repo.insert(conv);
    // RETURNING brings back the defaulted columns (status, timestamps, counters).
    return repo.create({ ...conv, ...result.generatedMaps[0] });
  }

  /** What an automatic acknowledgement says about the conversation: its number and subject. */
  findNumberAndSubject(id: string): Promise<Pick<ConversationEntity, 'number' | 'subject'> | null> {
    return this.ds.getRepository(ConversationEntity).findOne({
      select: { id: true, number: true, subject: true },
      where: { id },
    });
  }

  /** Whether the operator may see the conversation: their account, an inbox they may work. */
  async isVisibleTo(
    viewer: ConversationViewer,
    id: string,
    em: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    if (!isUuid(id)) return false;
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.accountId = :accountId', { id, accountId: viewer.accountId });
    if (access.clause) q.andWhere(access.clause, access.params);
    return q.getExists();
  }

  /** Which of these conversations the operator may see (the socket stream's filter). */
  async visibleAmong(viewer: ConversationViewer, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = this.ds.manager
      .createQueryBuilder(ConversationEntity, 'c')
      .select('c.id', 'id')
      .where('c.id = ANY(:ids) AND c.account_id = :accountId', {
        ids,
        accountId: viewer.accountId,
      });
    if (access.clause) q.andWhere(access.clause, access.params);
    const rows = await q.getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * For each of these agents, which of these conversations they may see: the socket stream's
   * filter for every socket a batch goes to, in one read instead of one per socket.
   */
  async visibleToEach(
    accountId: string,
    viewerIds: string[],
    ids: string[],
  ): Promise<Map<string, Set<string>>> {
    const seen = new Map(viewerIds.map((v) => [v, new Set<string>()]));
    if (viewerIds.length === 0 || ids.length === 0) return seen;
    // raw SQL: every viewer against every conversation in one statement (a lateral unnest of the
    // viewers' ids), which the query builder cannot express. OFFSET 0 keeps the lateral apart, so
    // the rule reads one inbox's members by index per conversation; flattened, it hashed all of
    // inbox_members (77 ms at 100,000 rows, against 0.2 ms).
    const rows = (await this.ds.query(
      `SELECT x.viewer_id, c.id
         FROM conversations c
         CROSS JOIN LATERAL (
           SELECT v.id AS viewer_id FROM unnest($1::uuid[]) AS v(id)
            WHERE ${inboxAccessClause('c.inbox_id', 'v.id')} OFFSET 0) x
        WHERE c.id = ANY($2::uuid[]) AND c.account_id = $3`,
      [viewerIds, ids, accountId],
    )) as Array<{ viewer_id: string; id: string }>;
    for (const r of rows) seen.get(r.viewer_id)?.add(r.id);
    return seen;
  }

  /** A customer message arrived: the feed row moves up and counts it as unread. */
  async recordIncoming(
    em: EntityManager,
    id: string,
    preview: string | null,
    subject: string | null,
  ) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({
        lastActivityAt: () => 'now()',
        lastIncomingAt: () => 'now()',
        lastMessagePreview: preview,
        lastMessageDirection: 'incoming',
        unreadCount: () => 'unread_count + 1',
        subject: () => 'COALESCE(subject, :subject)',
      })
      .where('id = :id', { id, subject })
      .execute();
  }

  /** An operator replied: the feed row moves up, is read, and the first reply time is kept. */
  async recordOutgoing(em: EntityManager, id: string, preview: string | null) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({
        lastActivityAt: () => 'now()',
        lastMessagePreview: preview,
        lastMessageDirection: 'outgoing',
        unreadCount: 0,
        firstReplyAt: () => 'COALESCE(first_reply_at, now())',
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Close, reopen or snooze; `snoozedById` is kept only while snoozed. */
  async setStatus(
    em: EntityManager,
    id: string,
    to: ConversationStatus,
    snoozedUntil: Date | null,
    byOperatorId: string,
  ) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({
        status: to,
        snoozedUntil,
        snoozedById: to === 'snoozed' ? byOperatorId : null,
        ...(to === 'closed' ? { closedAt: () => 'now()' } : {}),
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Back to open because the customer wrote (no activity time change: the message sets it). */
  async reopenForCustomer(em: EntityManager, id: string) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ status: 'open', snoozedUntil: null, snoozedById: null })
      .where('id = :id', { id })
      .updateEntity(false)
      .execute();
  }

  /**
   * The not-closed conversations assigned to an operator, locked in id order (for releasing them
   * when the operator is deactivated).
   */
  lockAssignedNotClosed(em: EntityManager, accountId: string, assigneeId: string) {
    return em
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .where("c.accountId = :accountId AND c.assigneeId = :assigneeId AND c.status <> 'closed'", {
        accountId,
        assigneeId,
      })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  async setAssignee(em: EntityManager, id: string, assigneeId: string | null) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ assigneeId })
      .where('id = :id', { id })
      .execute();
  }

  async setAssigneeTeam(em: EntityManager, id: string, teamId: string | null) {
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ assigneeTeamId: teamId })
      .where('id = :id', { id })
      .execute();
  }

  /** A team of the account, by id, for assigning a conversation to it. */
  findTeamInAccount(em: EntityManager, accountId: string, teamId: string) {
    return em
      .getRepository(TeamEntity)
      .findOne({ select: { id: true, name: true }, where: { id: teamId, accountId } });
  }

  /** Clears the unread count; false when it was already zero. */
  async markRead(em: EntityManager, id: string): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ unreadCount: 0 })
      .where('id = :id AND unread_count > 0', { id })
      .updateEntity(false)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * The current feed row of one conversation, inside the caller's transaction; with a viewer,
   * only if they may see it (their account, an inbox they may work).
   */
  async findSummary(
    em: EntityManager,
    id: string,
    viewer?: ConversationViewer,
  ): Promise<ConversationSummaryRow | null> {
    const access = viewer ? inboxAccessFilter(viewer, 'c.inbox_id') : null;
    const rows = await this.hot.rows<ConversationSummaryRow>(
      em,
      access ? `summary:account:${access.shape}` : 'summary',
      () => {
        const q = conversationSummaryQuery(em).where('c.id = :id');
        if (!access) return q;
        q.andWhere('c.account_id = :accountId');
        return access.clause ? q.andWhere(access.clause) : q;
      },
      { id, accountId: viewer?.accountId, ...access?.params },
    );
    return rows[0] ?? null;
  }

  /** The summary as clients see it, read inside the caller's transaction (after a change). */
  async loadSummary(em: EntityManager, id: string): Promise<ConversationSummaryDto> {
    const row = await this.findSummary(em, id);
    if (!row) throw new Error(`Conversation ${id} vanished inside its transaction`);
    return toSummaryDto(row);
  }

  /** Many summaries in one read inside the caller's transaction (a batch of wake-ups), by id. */
  async loadSummaries(
    em: EntityManager,
    ids: string[],
  ): Promise<Map<string, ConversationSummaryDto>> {
    if (ids.length === 0) return new Map();
    const rows = await this.hot.rows<ConversationSummaryRow>(
      em,
      'summaries',
      () => conversationSummaryQuery(em).where('c.id = ANY(:ids)'),
      { ids },
    );
    return new Map(rows.map((r) => [r.id, toSummaryDto(r)]));
  }
}
