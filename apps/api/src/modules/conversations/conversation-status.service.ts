import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { queryOne } from '../../core/database/sql-rows';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { AppException } from '../../core/http/app.exception';
import { createNotifications } from '../notifications/create-notifications';
import { loadSummary } from './conversation-summary.query';
import { lockConversation, type ConversationRow } from './conversation-row';
import { addActivity } from './timeline';

/**
 * The empty-feed actions: close, reopen, snooze, unsnooze, assign, read. Each is one transaction
 * that changes the row, writes the timeline activity and appends the stream events.
 */
@Injectable()
export class ConversationStatusService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
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
      if (conv.assignee_id === assigneeId) return [];
      const assignee = assigneeId
        ? await queryOne<{ id: string; name: string }>(
            em,
            'SELECT id, name FROM operators WHERE id = $1 AND account_id = $2',
            [assigneeId, op.accountId],
          )
        : null;
      if (assigneeId && !assignee)
        throw new AppException('VALIDATION_FAILED', 'assigneeId: no such operator in this account');
      await em.query(
        'UPDATE conversations SET assignee_id = $2, updated_at = now() WHERE id = $1',
        [conv.id, assigneeId],
      );
      const activity = await addActivity(em, conv, {
        type: 'assigned',
        by: { id: op.id, name: op.name },
        assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      });
      const summary = await loadSummary(em, conv.id);
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
        ...(await createNotifications(em, op.accountId, notify, 'assigned', summary)),
      ];
    });
  }

  markRead(op: AuthenticatedOperator, id: string) {
    return this.mutate(op, id, async (em, conv) => {
      const changed = await queryOne<{ id: string }>(
        em,
        'UPDATE conversations SET unread_count = 0 WHERE id = $1 AND unread_count > 0 RETURNING id',
        [conv.id],
      );
      if (!changed) return [];
      const summary = await loadSummary(em, conv.id);
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
      const sameSnooze = to === 'snoozed' && conv.snoozed_until?.getTime() === until?.getTime();
      if (conv.status === to && (to !== 'snoozed' || sameSnooze)) return [];
      return this.applyStatus(em, op, conv, to, until);
    });
  }

  private async applyStatus(
    em: EntityManager,
    op: AuthenticatedOperator,
    conv: ConversationRow,
    to: ConversationStatus,
    until: Date | null,
  ): Promise<PendingEvent[]> {
    await em.query(
      `UPDATE conversations
          SET status = $2, snoozed_until = $3, snoozed_by_id = CASE WHEN $2 = 'snoozed' THEN $4::uuid END,
              closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END, updated_at = now()
        WHERE id = $1`,
      [conv.id, to, until, op.id],
    );
    const activity = await addActivity(em, conv, {
      type: 'status_changed',
      from: conv.status,
      to,
      by: { id: op.id, name: op.name },
      ...(until ? { snoozedUntil: until.toISOString() } : {}),
    });
    const summary = await loadSummary(em, conv.id);
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
    change: (em: EntityManager, conv: ConversationRow) => Promise<PendingEvent[]>,
  ): Promise<ConversationSummaryDto> {
    return this.ds.transaction(async (em) => {
      const conv = await lockConversation(em, op.accountId, id);
      const pending = await change(em, conv);
      await this.events.append(em, op.accountId, pending);
      return loadSummary(em, conv.id);
    });
  }
}
