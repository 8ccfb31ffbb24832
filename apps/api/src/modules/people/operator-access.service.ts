import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OperatorRole, TeamMemberDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { SessionRevocationService } from '../../core/auth/session-revocation.service';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { toTeamMemberDto } from '../operators/operators.mapper';
import { OperatorsRepository, type TeamMember } from '../operators/operators.repository';

/**
 * What admins decide about colleagues: their role, and whether they may work here at all. Every
 * change takes the account's active admins' row locks first, in id order, so the account always
 * keeps one admin and concurrent changes never deadlock.
 */
@Injectable()
export class OperatorAccessService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly operators: OperatorsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly revocation: SessionRevocationService,
    private readonly events: EventLogService,
    private readonly audit: AuditLogService,
  ) {}

  setRole(
    admin: AuthenticatedOperator,
    id: string,
    role: OperatorRole,
    ip: string | undefined,
  ): Promise<TeamMemberDto> {
    return this.change(admin, id, async (em, target, activeAdmins) => {
      if (target.role === role) return null;
      if (role === 'agent') assertNotLastAdmin(target, activeAdmins, 'demoted');
      await this.operators.setRole(em, target.id, role);
      await this.audit.record(
        {
          accountId: admin.accountId,
          action: 'operator.role_changed',
          targetType: 'operator',
          targetId: target.id,
          targetLabel: target.email,
          details: { from: target.role, to: role },
        },
        { operator: admin, ip },
        em,
      );
      return [];
    });
  }

  /**
   * Ends the operator's sessions and sockets (after the commit, on every instance; until then the
   * session check already refuses a deactivated operator) and hands their not-closed conversations
   * back to the unassigned queue, each with an activity. Their messages and activities stay.
   */
  async deactivate(
    admin: AuthenticatedOperator,
    id: string,
    ip: string | undefined,
  ): Promise<TeamMemberDto> {
    const member = await this.change(admin, id, async (em, target, activeAdmins) => {
      if (target.deactivatedAt) return null;
      assertNotLastAdmin(target, activeAdmins, 'deactivated');
      await this.operators.setDeactivatedAt(em, target.id, new Date());
      const { released, pending } = await this.releaseConversations(em, admin, target);
      await this.audit.record(
        {
          accountId: admin.accountId,
          action: 'operator.deactivated',
          targetType: 'operator',
          targetId: target.id,
          targetLabel: target.email,
          details: { releasedConversations: released },
        },
        { operator: admin, ip },
        em,
      );
      return pending;
    });
    await this.revocation.revokeOperatorSessions(member.id);
    return member;
  }

  reactivate(
    admin: AuthenticatedOperator,
    id: string,
    ip: string | undefined,
  ): Promise<TeamMemberDto> {
    return this.change(admin, id, async (em, target) => {
      if (!target.deactivatedAt) return null;
      await this.operators.setDeactivatedAt(em, target.id, null);
      await this.audit.record(
        {
          accountId: admin.accountId,
          action: 'operator.reactivated',
          targetType: 'operator',
          targetId: target.id,
          targetLabel: target.email,
        },
        { operator: admin, ip },
        em,
      );
      return [];
    });
  }

  /**
   * One transaction: lock the admins, then the target; `apply` returns the events of its change
   * (null: nothing to change). The operator's new state is announced on the stream.
   */
  private async change(
    admin: AuthenticatedOperator,
    id: string,
    apply: (
      em: EntityManager,
      target: TeamMember,
      activeAdmins: string[],
    ) => Promise<PendingEvent[] | null>,
  ): Promise<TeamMemberDto> {
    return this.ds.transaction(async (em) => {
      const activeAdmins = await this.operators.lockActiveAdminIds(em, admin.accountId);
      const target = await this.operators.lockInAccount(em, admin.accountId, id);
      if (!target) throw notFound('Operator');
      const pending = await apply(em, target, activeAdmins);
      const after = (await this.operators.findTeamMember(em, admin.accountId, id)) ?? target;
      const member = toTeamMemberDto(after);
      if (pending)
        await this.events.append(em, admin.accountId, [
          ...pending,
          { type: 'operator.updated', conversationId: null, payload: { operator: member } },
        ]);
      return member;
    });
  }

  private async releaseConversations(
    em: EntityManager,
    admin: AuthenticatedOperator,
    target: TeamMember,
  ): Promise<{ released: number; pending: PendingEvent[] }> {
    const assigned = await this.conversations.lockAssignedNotClosed(em, admin.accountId, target.id);
    const pending: PendingEvent[] = [];
    for (const conv of assigned) {
      await this.conversations.setAssignee(em, conv.id, null);
      const activity = await this.messages.insertActivity(em, conv, {
        type: 'released_on_deactivation',
        operator: { id: target.id, name: target.name },
        by: { id: admin.id, name: admin.name },
      });
      const summary = await this.conversations.loadSummary(em, conv.id);
      pending.push(
        {
          type: 'message.created',
          conversationId: conv.id,
          payload: { message: activity, conversation: summary },
        },
        {
          type: 'conversation.updated',
          conversationId: conv.id,
          payload: { conversation: summary },
        },
      );
    }
    return { released: assigned.length, pending };
  }
}

function assertNotLastAdmin(target: TeamMember, activeAdmins: string[], what: string): void {
  const isActiveAdmin = activeAdmins.includes(target.id);
  if (isActiveAdmin && activeAdmins.length === 1)
    throw new AppException(
      'CONFLICT',
      `The last active admin cannot be ${what}; make someone else an admin first`,
    );
}
