import type {
  Activity,
  AttachmentDto,
  ChannelKind,
  DeliveryStatus,
  EmailRecipientsDto,
  MentionDto,
  MessageDirection,
  MessageDto,
  MessageKind,
  MessageSourcePageDto,
} from '@switchboard/contracts';

/** A timeline row as MessagesRepository selects it: the message with its sender's name and channel. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  direction: MessageDirection;
  kind: MessageKind;
  sender_type: MessageDto['sender']['type'];
  sender_operator_id: string | null;
  sender_contact_id: string | null;
  sender_name: string | null;
  text: string | null;
  html: string | null;
  attachments: AttachmentDto[];
  activity: Activity | null;
  mentions: MentionDto[] | null;
  delivery_status: DeliveryStatus | null;
  failure_reason: string | null;
  channel: ChannelKind;
  created_at: Date;
  external_id: string | null;
  edited_at: Date | null;
  reply_to_id: string | null;
  reply_to_text: string | null;
  template: { id: string; variables: Record<string, string> } | null;
  automated: boolean | null;
  email_recipients: EmailRecipientsDto | null;
  source_page?: MessageSourcePageDto | null;
  /** Undo send: when a held reply leaves (absent where a row is built without it). */
  undo_until?: Date | null;
}

/** The one place a message becomes its DTO. */
export function toMessageDto(r: MessageRow): MessageDto {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    direction: r.direction,
    kind: r.kind,
    sender: {
      type: r.sender_type,
      id: r.sender_operator_id ?? r.sender_contact_id,
      name: r.sender_name,
    },
    text: r.text,
    html: r.html,
    attachments: r.attachments ?? [],
    activity: r.activity,
    deliveryStatus: r.delivery_status,
    failureReason: r.failure_reason,
    channel: r.channel,
    createdAt: r.created_at.toISOString(),
    mentions: r.mentions ?? [],
    // Only when set: the ingest fast path builds the same DTO in SQL without them.
    ...(r.edited_at ? { editedAt: r.edited_at.toISOString() } : {}),
    ...(r.reply_to_id ? { replyTo: { id: r.reply_to_id, text: r.reply_to_text } } : {}),
    ...(r.template ? { template: r.template } : {}),
    ...(r.automated ? { automated: true } : {}),
    ...(r.email_recipients ? { emailRecipients: r.email_recipients } : {}),
    ...(r.source_page ? { sourcePage: r.source_page } : {}),
    ...(r.undo_until ? { undoUntil: r.undo_until.toISOString() } : {}),
  };
}
