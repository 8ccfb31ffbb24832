import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException, notFound } from '../../core/http/app.exception';
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
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly notifications: NotificationsService,
    private readonly operators: OperatorsRepository,
    private readonly events: EventLogService,
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
    return this.ds.transaction(async (em) => {
      const conv = await this.conversations.lockOwned(em, op.accountId, id);
      if (!conv) throw notFound('Conversation');
      const pending = await change(em, conv);
      await this.events.append(em, op.accountId, pending);
      return this.conversations.loadSummary(em, conv.id);
    });
  }
}
