import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachmentDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../../../core/database/sql-rows';
import type { VisitorMessageDto } from '../dto/widget-wire.dto';

interface VisitorMessageRow {
  id: string;
  direction: 'incoming' | 'outgoing';
  text: string | null;
  attachments: AttachmentDto[];
  external_id: string | null;
  operator_name: string | null;
  delivery_status: string | null;
  created_at: Date;
  /** Incoming messages among the conversation's `unread_count` newest are not read yet. */
  unread: boolean;
}

const HISTORY_LIMIT = 200;

/**
 * What a visitor may see: the customer-facing messages (never notes or activities) of the
 * conversations of their own identity on this inbox, including replies sent by email.
 */
@Injectable()
export class VisitorHistoryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async history(inboxId: string, visitorKey: string): Promise<VisitorMessageDto[]> {
    const rows = await queryRows<VisitorMessageRow>(
      this.ds.manager,
      `${SELECT} WHERE ci.inbox_id = $1 AND ci.external_id = $2 AND m.kind = 'message'
        ORDER BY m.created_at DESC, m.id DESC LIMIT ${HISTORY_LIMIT}`,
      [inboxId, visitorKey],
    );
    return rows.reverse().map((r) => toVisitorMessage(r, visitorKey));
  }

  /** One message, only if it belongs to this visitor. */
  async message(
    inboxId: string,
    visitorKey: string,
    messageId: string,
    em: EntityManager = this.ds.manager,
  ) {
    const row = await queryOne<VisitorMessageRow>(
      em,
      `${SELECT} WHERE ci.inbox_id = $1 AND ci.external_id = $2 AND m.kind = 'message' AND m.id = $3`,
      [inboxId, visitorKey, messageId],
    );
    return row ? toVisitorMessage(row, visitorKey) : null;
  }

  async messageByExternalId(inboxId: string, visitorKey: string, externalId: string) {
    const row = await queryOne<VisitorMessageRow>(
      this.ds.manager,
      `${SELECT} WHERE ci.inbox_id = $1 AND ci.external_id = $2 AND m.inbox_id = $1 AND m.external_id = $3`,
      [inboxId, visitorKey, externalId],
    );
    return row ? toVisitorMessage(row, visitorKey) : null;
  }

  /** Channel ids of our web chat messages among `messageIds` that this visitor really received. */
  async outboundExternalIds(
    inboxId: string,
    visitorKey: string,
    messageIds: string[],
  ): Promise<string[]> {
    const rows = await queryRows<{ external_id: string }>(
      this.ds.manager,
      `SELECT m.external_id FROM contact_identities ci
         JOIN conversations c ON c.identity_id = ci.id
         JOIN messages m ON m.conversation_id = c.id
        WHERE ci.inbox_id = $1 AND ci.external_id = $2 AND m.id = ANY($3::uuid[])
          AND m.direction = 'outgoing' AND m.external_id LIKE 'wc-out:%'`,
      [inboxId, visitorKey, messageIds],
    );
    return rows.map((r) => r.external_id);
  }

  /** Whether the visitor already has a conversation here (a new one counts against the rate limit). */
  async hasConversation(inboxId: string, visitorKey: string): Promise<boolean> {
    const row = await queryOne<{ found: number }>(
      this.ds.manager,
      `SELECT 1 AS found FROM contact_identities ci JOIN conversations c ON c.identity_id = ci.id
        WHERE ci.inbox_id = $1 AND ci.external_id = $2 LIMIT 1`,
      [inboxId, visitorKey],
    );
    return row !== null;
  }

  /** The visitor's newest conversation and contact (typing signals name them). */
  async latestConversation(inboxId: string, visitorKey: string) {
    return queryOne<{ id: string; account_id: string; contact_id: string; name: string | null }>(
      this.ds.manager,
      `SELECT c.id, c.account_id, c.contact_id, ct.name FROM contact_identities ci
         JOIN conversations c ON c.identity_id = ci.id
         JOIN contacts ct ON ct.id = c.contact_id
        WHERE ci.inbox_id = $1 AND ci.external_id = $2
        ORDER BY c.created_at DESC LIMIT 1`,
      [inboxId, visitorKey],
    );
  }

  /** Where a web chat conversation's widget sockets are: its inbox and visitor key. */
  async visitorOfConversation(conversationId: string) {
    return queryOne<{ inbox_id: string; visitor_key: string }>(
      this.ds.manager,
      `SELECT ci.inbox_id, ci.external_id AS visitor_key FROM conversations c
         JOIN contact_identities ci ON ci.id = c.identity_id
         JOIN inboxes i ON i.id = ci.inbox_id
        WHERE c.id = $1 AND i.kind = 'webchat'`,
      [conversationId],
    );
  }

  /** Whether a file is attached to a message this visitor can see. */
  async canReadFile(inboxId: string, visitorKey: string, fileId: string): Promise<boolean> {
    const row = await queryOne<{ found: number }>(
      this.ds.manager,
      `SELECT 1 AS found FROM contact_identities ci
         JOIN conversations c ON c.identity_id = ci.id
         JOIN messages m ON m.conversation_id = c.id
        WHERE ci.inbox_id = $1 AND ci.external_id = $2 AND m.kind = 'message'
          AND m.attachments @> jsonb_build_array(jsonb_build_object('id', $3::text))
        LIMIT 1`,
      [inboxId, visitorKey, fileId],
    );
    return row !== null;
  }
}

const SELECT = `
  SELECT m.id, m.direction, m.text, m.attachments, m.external_id, o.name AS operator_name, m.delivery_status,
         m.created_at,
         (m.direction = 'incoming' AND ROW_NUMBER() OVER (
            PARTITION BY m.conversation_id, m.direction ORDER BY m.created_at DESC, m.id DESC) <= c.unread_count) AS unread
    FROM contact_identities ci
    JOIN conversations c ON c.identity_id = ci.id
    JOIN messages m ON m.conversation_id = c.id
    LEFT JOIN operators o ON o.id = m.sender_operator_id`;

function toVisitorMessage(r: VisitorMessageRow, visitorKey: string): VisitorMessageDto {
  const mine = r.direction === 'incoming';
  const prefix = `wc-in:${visitorKey}:`;
  return {
    id: r.id,
    clientMessageId:
      mine && r.external_id?.startsWith(prefix) ? r.external_id.slice(prefix.length) : null,
    author: mine ? 'visitor' : 'operator',
    senderName: mine ? null : r.operator_name,
    text: r.text,
    attachments: (r.attachments ?? []).map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
    })),
    status: mine ? (r.unread ? 'delivered' : 'read') : operatorStatus(r.delivery_status),
    createdAt: r.created_at.toISOString(),
  };
}

/** How far an operator message got with this visitor (read ones do not count as unread in the widget). */
function operatorStatus(status: string | null): VisitorMessageDto['status'] {
  return status === 'sent' || status === 'delivered' || status === 'read' ? status : null;
}
