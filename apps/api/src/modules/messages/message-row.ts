import type {
  Activity,
  AttachmentDto,
  ChannelKind,
  DeliveryStatus,
  MessageDirection,
  MessageDto,
  MessageKind,
} from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';

export const MESSAGE_SELECT = `
  SELECT m.id, m.conversation_id, m.direction, m.kind, m.sender_type, m.sender_operator_id,
         m.sender_contact_id, COALESCE(o.name, ct.name) AS sender_name, m.text, m.html, m.attachments,
         m.activity, m.delivery_status, m.failure_reason, i.kind AS channel, m.created_at, m.external_id
    FROM messages m
    JOIN inboxes i ON i.id = m.inbox_id
    LEFT JOIN operators o ON o.id = m.sender_operator_id
    LEFT JOIN contacts ct ON ct.id = m.sender_contact_id`;

export interface MessageRow {
  id: string;
  conversation_id: string;
  direction: MessageDirection;
  kind: MessageKind;
  sender_type: 'contact' | 'operator' | 'system';
  sender_operator_id: string | null;
  sender_contact_id: string | null;
  sender_name: string | null;
  text: string | null;
  html: string | null;
  attachments: AttachmentDto[];
  activity: Activity | null;
  delivery_status: DeliveryStatus | null;
  failure_reason: string | null;
  channel: ChannelKind;
  created_at: Date;
  external_id: string | null;
}

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
  };
}

export async function loadMessage(em: EntityManager, id: string): Promise<MessageDto> {
  const rows = await queryRows<MessageRow>(em, `${MESSAGE_SELECT} WHERE m.id = $1`, [id]);
  if (!rows[0]) throw new Error(`Message ${id} vanished inside its transaction`);
  return toMessageDto(rows[0]);
}
