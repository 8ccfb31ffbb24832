import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
import { InboxAccessRepository } from '../access/inbox-access.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { OperatorsRepository } from '../operators/operators.repository';
import { ConversationsRepository } from './conversations.repository';
import type { ConversationEntity } from './entities/conversation.entity';

/**
 * The empty-feed actions: close, reopen, snooze, unsnooze, assign, read. Each is one transaction
 * that changes the row, writes the timeline activity and appends the stream events.
 */
@Injectable()
export class ConversationStatusService {
  /** The transaction of a bulk action in progress, which each single change joins. */
  private readonly sharedTransaction = new AsyncLocalStorage<EntityManager>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
    private readonly operators: OperatorsRepository,
    private readonly events: EventLogService,
    private readonly inboxAccess: InboxAccessRepository,
  ) {}

  close(op: AuthenticatedOperator, id: string) {
    return this.changeStatus(op, id, 'closed', null);
  }

  reopen(op: AuthenticatedOperator, id: string) {
    return this.changeStatus(op, id, 'open', null);
  }

  snooze(op: AuthenticatedOperator, id: string, until: Date) {
    return this.changeStatus(op, id, 'snoozed', until);
  }

  unsnooze(op: AuthenticatedOperator, id: string) {
    return this.mutate(op, id, async (em, conv) => {
      if (conv.status === 'open') return [];
      if (conv.status !== 'snoozed')
        throw new AppException('INVALID_STATE', 'Only a snoozed conversation can be unsnoozed');
      return this.applyStatus(em, op, conv, 'open', null);
    });
  }

  assign(op: AuthenticatedOperator, id: string, assigneeId: string | null) {
    return this.mutate(op, id, async (em, conv) => {
      if (conv.assigneeId === assigneeId) return [];
      const assignee = assigneeId
        ? await this.operators.findNameInAccount(em, op.accountId, assigneeId)
        : null;
      if (assigneeId && !assignee)
        throw new AppException('VALIDATION_FAILED', 'assigneeId: no such operator in this account');
      // Inbox access: nobody is given work they could not open (access.module's rule).
      if (assignee && !(await this.inboxAccess.operatorMayWork(em, assignee.id, conv.inboxId)))
        throw new AppException(
          'VALIDATION_FAILED',
          `assigneeId: ${assignee.name} has no access to this conversation's inbox`,
        );
      await this.conversations.setAssignee(em, conv.id, assigneeId);
      const activity = await this.messages.insertActivity(em, conv, {
        type: 'assigned',
        by: { id: op.id, name: op.name },
        assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      });
      const summary = await this.conversations.loadSummary(em, conv.id);
      const notify = assignee && assignee.id !== op.id ? [assignee.id] : [];
      return [
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
        ...(await this.notifications.create(em, op.accountId, notify, 'assigned', summary)),
      ];
    });
  }

  /** Assigns a team (or none) to the conversation, besides or instead of an operator. */
  assignTeam(op: AuthenticatedOperator, id: string, teamId: string | null) {
    return this.mutate(op, id, async (em, conv) => {
      if (conv.assigneeTeamId === teamId) return [];
      const team = teamId
        ? await this.conversations.findTeamInAccount(em, op.accountId, teamId)
        : null;
      if (teamId && !team)
        throw new AppException('VALIDATION_FAILED', 'teamId: no such team in this account');
      await this.conversations.setAssigneeTeam(em, conv.id, teamId);
      const activity = await this.messages.insertActivity(em, conv, {
        type: 'team_assigned',
        by: { id: op.id, name: op.name },
        team: team ? { id: team.id, name: team.name } : null,
      });
      const summary = await this.conversations.loadSummary(em, conv.id);
      // The team's members who may work the inbox hear of it, except whoever assigned it.
      const members = team
        ? await this.inboxAccess.teamMembersWhoMayWork(em, team.id, conv.inboxId)
        : [];
      const notify = members.filter((memberId) => memberId !== op.id);
      return [
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
        ...(await this.notifications.create(em, op.accountId, notify, 'assigned', summary)),
      ];
    });
  }

  /**
   * Assigns several conversations (an operator, a team, or both; `undefined` leaves that side as
   * it is) in one transaction: the first refusal (an unknown conversation, an operator who may
   * not be assigned) rolls every one back. Locks in id order, so two bulk assignments over
   * overlapping selections cannot deadlock.
   */
  assignMany(
    op: AuthenticatedOperator,
    ids: string[],
    assigneeId: string | null | undefined,
    teamId?: string | null,
  ): Promise<ConversationSummaryDto[]> {
    return this.ds.transaction((em) =>
      this.sharedTransaction.run(em, async () => {
        const summaries = new Map<string, ConversationSummaryDto>();
        for (const id of [...ids].sort()) {
          if (assigneeId !== undefined) summaries.set(id, await this.assign(op, id, assigneeId));
          if (teamId !== undefined) summaries.set(id, await this.assignTeam(op, id, teamId));
        }
        return ids.flatMap((id) => summaries.get(id) ?? []);
      }),
    );
  }

  markRead(op: AuthenticatedOperator, id: string) {
    return this.mutate(op, id, async (em, conv) => {
      if (!(await this.conversations.markRead(em, conv.id))) return [];
      const summary = await this.conversations.loadSummary(em, conv.id);
      return [
        {
          type: 'conversation.updated',
          conversationId: conv.id,
          payload: { conversation: summary },
        },
      ];
    });
  }

  private changeStatus(
    op: AuthenticatedOperator,
    id: string,
    to: ConversationStatus,
    until: Date | null,
  ) {
    return this.mutate(op, id, async (em, conv) => {
      // A merged conversation stays closed: its customer's messages land in the survivor.
      if (conv.mergedIntoId)
        throw new AppException(
          'INVALID_STATE',
          'This conversation was merged into another; work on that one',
        );
      const sameSnooze = to === 'snoozed' && conv.snoozedUntil?.getTime() === until?.getTime();
      if (conv.status === to && (to !== 'snoozed' || sameSnooze)) return [];
      return this.applyStatus(em, op, conv, to, until);
    });
  }

  private async applyStatus(
    em: EntityManager,
    op: AuthenticatedOperator,
    conv: ConversationEntity,
    to: ConversationStatus,
    until: Date | null,
  ): Promise<PendingEvent[]> {
    await this.conversations.setStatus(em, conv.id, to, until, op.id);
    const activity = await this.messages.insertActivity(em, conv, {
      type: 'status_changed',
      from: conv.status,
      to,
      by: { id: op.id, name: op.name },
      ...(until ? { snoozedUntil: until.toISOString() } : {}),
    });
    const summary = await this.conversations.loadSummary(em, conv.id);
    return [
      {
        type: 'message.created',
        conversationId: conv.id,
        payload: { message: activity, conversation: summary },
      },
      { type: 'conversation.updated', conversationId: conv.id, payload: { conversation: summary } },
    ];
  }

  private async mutate(
    op: AuthenticatedOperator,
    id: string,
    change: (em: EntityManager, conv: ConversationEntity) => Promise<PendingEvent[]>,
  ): Promise<ConversationSummaryDto> {
    const run = async (em: EntityManager) => {
      const conv = await this.conversations.lockOwned(em, op, id);
      if (!conv) throw notFound('Conversation');
      const pending = await change(em, conv);
      await this.events.append(em, op.accountId, pending);
      return this.conversations.loadSummary(em, conv.id);
    };
    // Inside assignMany every change joins its one transaction.
    const shared = this.sharedTransaction.getStore();
    return shared ? run(shared) : this.ds.transaction(run);
  }
}
