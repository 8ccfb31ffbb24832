import type {
  ChannelKind,
  ConversationPriority,
  ConversationSlaDto,
  ConversationStatus,
  ConversationSummaryDto,
  MessageDirection,
  TagRefDto,
} from '@switchboard/contracts';

/** A feed row as ConversationsRepository selects it: the conversation joined with its contact and channel. */
export interface ConversationSummaryRow {
  id: string;
  number: number;
  inbox_id: string;
  channel: ChannelKind;
  status: ConversationStatus;
  snoozed_until: Date | null;
  assignee_id: string | null;
  assignee_team_id: string | null;
  subject: string | null;
  contact_id: string;
  contact_name: string | null;
  contact_handle: string | null;
  last_activity_at: Date;
  last_message_preview: string | null;
  last_message_direction: MessageDirection | null;
  unread_count: number;
  created_at: Date;
  /** sb_conversation_tags(c.id): already in the DTO's shape. */
  tags: TagRefDto[];
  unreachable_reason: string | null;
  reply_window_closes_at: Date | null;
  priority: ConversationPriority;
  /** sb_conversation_sla(c.id): already in the DTO's shape. */
  sla: ConversationSlaDto | null;
  /** The customer's newest message is automated (AUTOMATED_SQL); null without one. */
  automated: boolean | null;
}

/** The one place a conversation becomes its DTO (lists, details and stream events alike). */
export function toSummaryDto(r: ConversationSummaryRow): ConversationSummaryDto {
  return {
    id: r.id,
    number: r.number,
    inboxId: r.inbox_id,
    channel: r.channel,
    status: r.status,
    snoozedUntil: r.snoozed_until ? r.snoozed_until.toISOString() : null,
    assigneeId: r.assignee_id,
    assigneeTeamId: r.assignee_team_id,
    subject: r.subject,
    contact: { id: r.contact_id, name: r.contact_name, handle: r.contact_handle },
    lastActivityAt: r.last_activity_at.toISOString(),
    lastMessagePreview: r.last_message_preview,
    lastMessageDirection: r.last_message_direction,
    unreadCount: r.unread_count,
    createdAt: r.created_at.toISOString(),
    tags: r.tags,
    unreachableReason: r.unreachable_reason,
    replyWindowClosesAt: r.reply_window_closes_at ? r.reply_window_closes_at.toISOString() : null,
    priority: r.priority,
    sla: r.sla,
    ...(r.automated ? { automated: true } : {}),
  };
}
