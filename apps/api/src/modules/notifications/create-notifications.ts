import type { ConversationSummaryDto, NotificationDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import type { PendingEvent } from '../../core/events/pending-event';

/** Stores one notification per operator and returns the stream events that announce them. */
export async function createNotifications(
  em: EntityManager,
  accountId: string,
  operatorIds: string[],
  type: NotificationDto['type'],
  conversation: ConversationSummaryDto,
): Promise<PendingEvent[]> {
  if (operatorIds.length === 0) return [];
  const rows = await queryRows<{ id: string; operator_id: string; created_at: Date }>(
    em,
    `INSERT INTO notifications (account_id, operator_id, type, conversation_id)
     SELECT $1, unnest($2::uuid[]), $3, $4 RETURNING id, operator_id, created_at`,
    [accountId, operatorIds, type, conversation.id],
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
      },
      conversation,
    },
  }));
}
