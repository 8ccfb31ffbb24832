import type {
  ChannelKind,
  ConversationStatus,
  ConversationSummaryDto,
  MessageDirection,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';

/** Columns of a feed row. One definition serves lists, details and stream events. */
export const SUMMARY_SELECT = `
  SELECT c.id, c.number, c.inbox_id, i.kind AS channel, c.status, c.snoozed_until, c.assignee_id,
         c.subject, c.contact_id, ct.name AS contact_name,
         COALESCE(ct.email, ct.phone, ci.display_name, ci.external_id) AS contact_handle,
         c.last_activity_at, c.last_message_preview, c.last_message_direction, c.unread_count, c.created_at
    FROM conversations c
    JOIN inboxes i ON i.id = c.inbox_id
    JOIN contacts ct ON ct.id = c.contact_id
    JOIN contact_identities ci ON ci.id = c.identity_id`;

export interface SummaryRow {
  id: string;
  number: number;
  inbox_id: string;
  channel: ChannelKind;
  status: ConversationStatus;
  snoozed_until: Date | null;
  assignee_id: string | null;
  subject: string | null;
  contact_id: string;
  contact_name: string | null;
  contact_handle: string | null;
  last_activity_at: Date;
  last_message_preview: string | null;
  last_message_direction: MessageDirection | null;
  unread_count: number;
  created_at: Date;
}

export function toSummaryDto(r: SummaryRow): ConversationSummaryDto {
  return {
    id: r.id,
    number: r.number,
    inboxId: r.inbox_id,
    channel: r.channel,
    status: r.status,
    snoozedUntil: r.snoozed_until ? r.snoozed_until.toISOString() : null,
    assigneeId: r.assignee_id,
    subject: r.subject,
    contact: { id: r.contact_id, name: r.contact_name, handle: r.contact_handle },
    lastActivityAt: r.last_activity_at.toISOString(),
    lastMessagePreview: r.last_message_preview,
    lastMessageDirection: r.last_message_direction,
    unreadCount: r.unread_count,
    createdAt: r.created_at.toISOString(),
  };
}

/** The current summary of one conversation, read inside the caller's transaction. */
export async function loadSummary(
  em: EntityManager,
  conversationId: string,
): Promise<ConversationSummaryDto> {
  const rows = await queryRows<SummaryRow>(em, `${SUMMARY_SELECT} WHERE c.id = $1`, [
    conversationId,
  ]);
  const row = rows[0];
  if (!row) throw new Error(`Conversation ${conversationId} vanished inside its transaction`);
  return toSummaryDto(row);
}

/**
 * Updates one conversation and returns its new summary in a single round trip. `set` is a SQL SET
 * list whose parameters start at $2 ($1 is the conversation id).
 */
export async function updateAndLoadSummary(
  em: EntityManager,
  conversationId: string,
  set: string,
  params: unknown[],
): Promise<ConversationSummaryDto> {
  const rows = await queryRows<SummaryRow>(
    em,
    `WITH c AS (UPDATE conversations SET ${set} WHERE id = $1 RETURNING *)
     ${SUMMARY_SELECT.replace('FROM conversations c', 'FROM c')}`,
    [conversationId, ...params],
  );
  const row = rows[0];
  if (!row) throw new Error(`Conversation ${conversationId} vanished inside its transaction`);
  return toSummaryDto(row);
}
