import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { previewOf } from '@switchboard/channels-core';
import type {
  ListMessagesQuery,
  MessageDto,
  Page,
  sendMessageRequestSchema,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { queryOne, queryRows } from '../../core/database/sql-rows';
import { EventLogService } from '../../core/events/event-log.service';
import { AppException, notFound } from '../../core/http/app.exception';
import { QueueService } from '../../core/queue/queue.service';
import { ChannelRegistryService } from '../channels/channel-registry.service';
import { OUTBOUND_DELIVERY_QUEUE } from '../channels/outbound-delivery.queue';
import { loadSummary } from '../conversations/conversation-summary.query';
import { lockConversation } from '../conversations/conversation-row';
import { decodeKeyset, encodeKeyset, isUuid, microsUtc } from '../conversations/keyset-cursor';
import { InboxesService } from '../inboxes/inboxes.service';
import { toAttachmentDto } from '../../core/storage/files.service';
import { loadMessage, MESSAGE_SELECT, toMessageDto, type MessageRow } from './message-row';

type SendMessage = z.output<typeof sendMessageRequestSchema>;

/** Operator-side messages: the timeline (keyset pages), replies and notes, and retries. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly events: EventLogService,
    private readonly queue: QueueService,
    private readonly inboxes: InboxesService,
    private readonly registry: ChannelRegistryService,
  ) {}

  async list(
    op: AuthenticatedOperator,
    conversationId: string,
    q: ListMessagesQuery,
  ): Promise<Page<MessageDto>> {
    if (!isUuid(conversationId)) throw notFound('Conversation');
    const owned = await queryOne<{ id: string }>(
      this.ds.manager,
      'SELECT id FROM conversations WHERE id = $1 AND account_id = $2',
      [conversationId, op.accountId],
    );
    if (!owned) throw notFound('Conversation');
    const before = decodeKeyset(q.before);
    const params: unknown[] = [conversationId, q.limit + 1];
    let keyset = '';
    if (before) {
      params.push(before.at, before.id);
      keyset = 'AND (m.created_at, m.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = await queryRows<MessageRow & { created_key: string }>(
      this.ds.manager,
      `${MESSAGE_SELECT.replace('SELECT', `SELECT ${microsUtc('m.created_at')} AS created_key,`)}
        WHERE m.conversation_id = $1 ${keyset}
        ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMessageDto),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.created_key, id: last.id }) : null,
    };
  }

  /** Stores the reply and its delivery job in one transaction; the same clientMessageId stores one reply. */
  async send(
    op: AuthenticatedOperator,
    conversationId: string,
    req: SendMessage,
  ): Promise<MessageDto> {
    const result = await this.ds.transaction(async (em) => {
      const conv = await lockConversation(em, op.accountId, conversationId);
      if (req.clientMessageId) {
        const existing = await queryOne<{ id: string }>(
          em,
          'SELECT id FROM messages WHERE conversation_id = $1 AND client_message_id = $2',
          [conv.id, req.clientMessageId],
        );
        if (existing) return { message: await loadMessage(em, existing.id), created: false };
      }
      const inbox = await this.inboxes.row(conv.inbox_id, undefined, em);
      const isNote = req.kind === 'note';
      if (!isNote) {
        const limit = this.registry.get(inbox.kind).manifest.capabilities.maxTextLength;
        if (req.text.length > limit) {
          throw new AppException(
            'TEXT_TOO_LONG',
            `This channel accepts at most ${limit} characters; the reply has ${req.text.length}`,
          );
        }
      }
      const attachments = await this.attachmentsFor(em, op.accountId, req.attachmentIds);
      if (!isNote && attachments.length > 0) {
        const caps = this.registry.get(inbox.kind).manifest.capabilities;
        if (!caps.attachments) {
          throw new AppException(
            'UNSUPPORTED_MEDIA_TYPE',
            `The ${inbox.kind} channel does not carry attachments`,
          );
        }
        const tooBig = attachments.find((a) => a.size > caps.maxAttachmentBytes);
        if (tooBig) {
          throw new AppException(
            'PAYLOAD_TOO_LARGE',
            `${tooBig.filename} is larger than this channel accepts (${caps.maxAttachmentBytes} bytes)`,
          );
        }
      }
      const inserted = await queryOne<{ id: string }>(
        em,
        `INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, sender_operator_id,
                               text, attachments, client_message_id, delivery_status)
         VALUES ($1, $2, $3, 'outgoing', $4, 'operator', $5, $6, $7, $8, $9)
         ON CONFLICT (conversation_id, client_message_id) DO NOTHING RETURNING id`,
        [
          op.accountId,
          conv.id,
          conv.inbox_id,
          isNote ? 'note' : 'message',
          op.id,
          req.text,
          JSON.stringify(attachments),
          req.clientMessageId ?? null,
          isNote ? null : 'pending',
        ],
      );
      if (!inserted)
        throw new AppException('CONFLICT', 'A message with this clientMessageId is being stored');
      if (!isNote) {
        await em.query(
          `UPDATE conversations
              SET last_activity_at = now(), last_message_preview = $2, last_message_direction = 'outgoing',
                  unread_count = 0, first_reply_at = COALESCE(first_reply_at, now()), updated_at = now()
            WHERE id = $1`,
          [conv.id, previewOf(req.text || attachments[0]?.filename)],
        );
        await this.queue.sendInTransaction(
          em,
          OUTBOUND_DELIVERY_QUEUE,
          { messageId: inserted.id },
          inserted.id,
        );
      }
      const message = await loadMessage(em, inserted.id);
      const conversation = await loadSummary(em, conv.id);
      await this.events.append(em, op.accountId, [
        { type: 'message.created', conversationId: conv.id, payload: { message, conversation } },
      ]);
      return { message, created: true };
    });
    if (result.created && req.kind !== 'note') this.queue.nudge(OUTBOUND_DELIVERY_QUEUE);
    return result.message;
  }

  /** A failed send goes back to pending and into the queue. */
  async retry(op: AuthenticatedOperator, messageId: string): Promise<MessageDto> {
    if (!isUuid(messageId)) throw notFound('Message');
    const message = await this.ds.transaction(async (em) => {
      const row = await queryOne<{
        id: string;
        conversation_id: string;
        delivery_status: string | null;
      }>(
        em,
        'SELECT id, conversation_id, delivery_status FROM messages WHERE id = $1 AND account_id = $2 FOR UPDATE',
        [messageId, op.accountId],
      );
      if (!row) throw notFound('Message');
      if (row.delivery_status !== 'failed')
        throw new AppException('INVALID_STATE', 'Only a failed message can be retried');
      await em.query(
        `UPDATE messages SET delivery_status = 'pending', failure_reason = NULL, updated_at = now() WHERE id = $1`,
        [row.id],
      );
      await this.queue.sendInTransaction(em, OUTBOUND_DELIVERY_QUEUE, { messageId: row.id });
      const dto = await loadMessage(em, row.id);
      await this.events.append(em, op.accountId, [
        { type: 'message.updated', conversationId: row.conversation_id, payload: { message: dto } },
      ]);
      return dto;
    });
    this.queue.nudge(OUTBOUND_DELIVERY_QUEUE);
    return message;
  }

  /** Inside the caller's transaction: a second pooled connection per request could exhaust the pool. */
  private async attachmentsFor(em: EntityManager, accountId: string, ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await queryRows<{
      id: string;
      filename: string;
      content_type: string;
      size: string;
      content_id: string | null;
    }>(
      em,
      'SELECT id, filename, content_type, size, content_id FROM files WHERE account_id = $1 AND id = ANY($2::uuid[])',
      [accountId, ids],
    );
    if (rows.length !== ids.length)
      throw new AppException('VALIDATION_FAILED', 'attachmentIds: unknown file');
    return rows.map(toAttachmentDto);
  }
}
