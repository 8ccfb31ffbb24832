import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { InboxMemberEntity } from '../inboxes/entities/inbox-member.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import type { ConversationViewer } from './conversation-viewer';
import { InboxTeamEntity } from './entities/inbox-team.entity';
import { TeamMemberEntity } from './entities/team-member.entity';

/**
 * THE access rule, as a WHERE clause over an inbox id column (`c.inbox_id`, `i.id`), with the
 * parameter `:viewerId` (or `viewer`: a column, to ask for many operators at once). An inbox with no member operator and no member team is open to every
 * operator of the account (installations from before teams keep working); as soon as it has one,
 * only its members, direct or through a team, may see it. Admins see every inbox: callers skip
 * the clause for them (see `inboxAccessFilter`).
 */
export function inboxAccessClause(inboxColumn: string, viewer = ':viewerId'): string {
  return `(
    (NOT EXISTS (SELECT 1 FROM inbox_members acc_m WHERE acc_m.inbox_id = ${inboxColumn})
      AND NOT EXISTS (SELECT 1 FROM inbox_teams acc_t WHERE acc_t.inbox_id = ${inboxColumn}))
    OR EXISTS (SELECT 1 FROM inbox_members acc_m WHERE acc_m.inbox_id = ${inboxColumn} AND acc_m.operator_id = ${viewer})
    OR EXISTS (SELECT 1 FROM inbox_teams acc_t JOIN team_members acc_tm ON acc_tm.team_id = acc_t.team_id
                WHERE acc_t.inbox_id = ${inboxColumn} AND acc_tm.operator_id = ${viewer}))`;
}

/**
 * The access clause for one viewer, or null for an admin (who sees every inbox); `shape` names
 * which it is, for cached SQL.
 */
export function inboxAccessFilter(
  viewer: ConversationViewer,
  inboxColumn: string,
): { clause: string | null; params: { viewerId?: string }; shape: 'all' | 'member' } {
  if (viewer.role === 'admin') return { clause: null, params: {}, shape: 'all' };
  return {
    clause: inboxAccessClause(inboxColumn),
    params: { viewerId: viewer.id },
    shape: 'member',
  };
}

/** Which operators and teams may work an inbox, and whether someone may. */
@Injectable()
export class InboxAccessRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Whether an operator (by id and role) may work the inbox; false for another account's. */
  async hasAccess(
    em: EntityManager,
    viewer: ConversationViewer,
    inboxId: string,
  ): Promise<boolean> {
    const access = inboxAccessFilter(viewer, 'i.id');
    const q = em
      .createQueryBuilder(InboxEntity, 'i')
      .where('i.id = :inboxId AND i.account_id = :accountId', {
        inboxId,
        accountId: viewer.accountId,
      });
    if (access.clause) q.andWhere(access.clause, access.params);
    return q.getExists();
  }

  /**
   * Whether an active operator of the inbox's account (an admin, or one the rule lets in) may be
   * given the inbox's work: an assignee must be able to see what they are assigned.
   */
  async operatorMayWork(em: EntityManager, operatorId: string, inboxId: string): Promise<boolean> {
    return em
      .createQueryBuilder(InboxEntity, 'i')
      .innerJoin(
        OperatorEntity,
        'o',
        'o.id = :viewerId AND o.account_id = i.account_id AND o.deactivated_at IS NULL',
        { viewerId: operatorId },
      )
      .where('i.id = :inboxId', { inboxId })
      .andWhere(`(o.role = 'admin' OR ${inboxAccessClause('i.id')})`)
      .getExists();
  }

  /**
   * Whether the viewer may read a stored file: an admin always; anyone else unless every message
   * the file is attached to sits in an inbox they cannot see. A file on no message yet (an upload
   * about to be sent, a canned reply's attachment) stays readable to its account.
   */
  async maySeeFile(viewer: ConversationViewer, fileId: string): Promise<boolean> {
    if (viewer.role === 'admin') return true;
    const attached = (q: ReturnType<EntityManager['createQueryBuilder']>) =>
      q
        .from(MessageEntity, 'm')
        .where('m.account_id = :accountId AND m.attachments @> :needle::jsonb', {
          accountId: viewer.accountId,
          needle: JSON.stringify([{ id: fileId }]),
        });
    const em = this.ds.manager;
    if (!(await attached(em.createQueryBuilder().select('1')).getExists())) return true;
    return attached(em.createQueryBuilder().select('1'))
      .innerJoin(ConversationEntity, 'c', 'c.id = m.conversation_id')
      .andWhere(inboxAccessClause('c.inbox_id'), { viewerId: viewer.id })
      .getExists();
  }

  /** Active members of a team who may work the inbox: who hears that the team was assigned. */
  async teamMembersWhoMayWork(
    em: EntityManager,
    teamId: string,
    inboxId: string,
  ): Promise<string[]> {
    const rows = await em
      .createQueryBuilder(TeamMemberEntity, 'tm')
      .select('tm.operator_id', 'id')
      .where('tm.team_id = :teamId', { teamId })
      .orderBy('tm.operator_id')
      .getRawMany<{ id: string }>();
    const ids: string[] = [];
    for (const { id } of rows) if (await this.operatorMayWork(em, id, inboxId)) ids.push(id);
    return ids;
  }

  /** The ids among `inboxIds` the viewer may work. */
  async visibleInboxIds(viewer: ConversationViewer, inboxIds: string[]): Promise<Set<string>> {
    if (inboxIds.length === 0) return new Set();
    const access = inboxAccessFilter(viewer, 'i.id');
    const q = this.ds.manager
      .createQueryBuilder(InboxEntity, 'i')
      .select('i.id', 'id')
      .where('i.id = ANY(:inboxIds) AND i.account_id = :accountId', {
        inboxIds,
        accountId: viewer.accountId,
      });
    if (access.clause) q.andWhere(access.clause, access.params);
    const rows = await q.getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  memberOperatorIds(em: EntityManager, inboxId: string): Promise<string[]> {
    return em
      .getRepository(InboxMemberEntity)
      .find({ select: { operatorId: true }, where: { inboxId }, order: { operatorId: 'ASC' } })
      .then((rows) => rows.map((r) => r.operatorId));
  }

  memberTeamIds(em: EntityManager, inboxId: string): Promise<string[]> {
    return em
      .getRepository(InboxTeamEntity)
      .find({ select: { teamId: true }, where: { inboxId }, order: { teamId: 'ASC' } })
      .then((rows) => rows.map((r) => r.teamId));
  }

  /** Replaces the inbox's member operators and teams (ids checked by the caller). */
  async replaceMembers(
    em: EntityManager,
    accountId: string,
    inboxId: string,
    operatorIds: string[],
    teamIds: string[],
  ): Promise<void> {
    await em.getRepository(InboxMemberEntity).delete({ inboxId });
    await em.getRepository(InboxTeamEntity).delete({ inboxId });
    if (operatorIds.length)
      await em
        .getRepository(InboxMemberEntity)
        .insert(operatorIds.map((operatorId) => ({ inboxId, operatorId })));
    if (teamIds.length)
      await em
        .getRepository(InboxTeamEntity)
        .insert(teamIds.map((teamId) => ({ accountId, inboxId, teamId })));
  }
}
