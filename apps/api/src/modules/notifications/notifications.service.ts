import { Injectable } from '@nestjs/common';
import type {
  ConversationSummaryDto,
  NotificationDetail,
  NotificationDto,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { PendingEvent } from '../../core/events/pending-event';
import { NotificationsRepository } from './notifications.repository';

/** Notifications: stored per operator, announced on the stream in the same transaction. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationsRepository) {}

  /** Stores one notification per operator and returns the stream events that announce them. */
  async create(
    em: EntityManager,
    accountId: string,
    operatorIds: string[],
    type: NotificationDto['type'],
    conversation: ConversationSummaryDto,
    detail: NotificationDetail | null = null,
  ): Promise<PendingEvent[]> {
    if (operatorIds.length === 0) return [];
    const rows = await this.repo.insertForOperators(
      em,
      accountId,
      operatorIds,
      type,
      conversation.id,
      detail,
    );
    return rows.map((r) => ({
      type: 'notification.created' as const,
      conversationId: conversation.id,
      payload: {
        notification: {
          id: r.id,
          operatorId: r.operator_id,
          type,
          conversationId: conversation.id,
          createdAt: r.created_at.toISOString(),
          readAt: null,
          ...(detail ? { detail } : {}),
        },
        conversation,
      },
    }));
  }

  /**
   * Like `create` for a batch (wake-ups, reminders): one notification per entry, of one type and
   * account, stored in one statement; returns the events that announce them, in entry order.
   */
  async createMany(
    em: EntityManager,
    accountId: string,
    type: NotificationDto['type'],
    entries: { operatorId: string; conversation: ConversationSummaryDto }[],
  ): Promise<PendingEvent[]> {
    const rows = await this.repo.insertMany(
      em,
      accountId,
      type,
      entries.map((e) => ({ operatorId: e.operatorId, conversationId: e.conversation.id })),
    );
    return rows.map((r, i) => {
      const { operatorId, conversation } = entries[i]!;
      return {
        type: 'notification.created' as const,
        conversationId: conversation.id,
        payload: {
          notification: {
            id: r.id,
            operatorId,
            type,
            conversationId: conversation.id,
            createdAt: r.created_at.toISOString(),
            readAt: null,
          },
          conversation,
        },
      };
    });
  }

  /**
   * Who hears about a conversation: its assignee; when unassigned, the inbox's members; when the
   * inbox has no members, every operator of the account.
   */
  async recipients(
    em: EntityManager,
    conv: { accountId: string; inboxId: string; assigneeId: string | null },
  ): Promise<string[]> {
    if (conv.assigneeId) return [conv.assigneeId];
    const members = await this.repo.inboxMemberIds(em, conv.inboxId);
    return members.length > 0 ? members : this.repo.accountOperatorIds(em, conv.accountId);
  }
}
