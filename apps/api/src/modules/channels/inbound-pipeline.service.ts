import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChannelInputError,
  inboundEventSchema,
  previewOf,
  type InboundEvent,
  type ParsedInboundEvent,
} from '@switchboard/channels-core';
import type { AttachmentDto, ConversationSummaryDto, MessageDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../../core/database/sql-rows';
import { EventLogService } from '../../core/events/event-log.service';
import type { PendingEvent } from '../../core/events/pending-event';
import { FilesService } from '../../core/storage/files.service';
import { updateAndLoadSummary } from '../conversations/conversation-summary.query';
import type { ConversationRow } from '../conversations/conversation-row';
import { isUuid } from '../conversations/keyset-cursor';
import { conversationNumberSequence } from '../accounts/create-account';
import { addActivity } from '../conversations/timeline';
import { loadMessage } from '../messages/message-row';
import { deliveryTransitionSql } from '../messages/delivery-transition';
import { sanitizeEmailHtml } from '../messages/html-sanitizer';
import { createNotifications } from '../notifications/create-notifications';
import { notificationRecipients } from '../notifications/notification-recipients';
import { InboxesService, type InboxRow } from '../inboxes/inboxes.service';
import { resolveIdentity } from './resolve-identity';

export type IngestOutcome =
  | { kind: 'stored'; messageId: string; conversationId: string; createdConversation: boolean }
  | { kind: 'duplicate'; externalId: string }
  | { kind: 'status'; messageId: string | null };

type MessageEvent = Extract<ParsedInboundEvent, { type: 'message' }>;
type StatusEvent = Extract<ParsedInboundEvent, { type: 'status' }>;

class DuplicateMessage extends Error {}

/**
 * Where every channel's inbound events land: contact resolution, conversation find-or-open,
 * unsnooze/reopen, idempotent insert and the stream event, all in one transaction per event.
 */
@Injectable()
export class InboundPipelineService {
  private readonly logger = new Logger(InboundPipelineService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly inboxes: InboxesService,
    private readonly events: EventLogService,
    private readonly files: FilesService,
  ) {}

  /** Ingests events for an inbox (its id, or its row when the caller has loaded it already). */
  async ingest(inboxOrId: string | InboxRow, events: InboundEvent[]): Promise<IngestOutcome[]> {
    const inbox = typeof inboxOrId === 'string' ? await this.inboxes.row(inboxOrId) : inboxOrId;
    const outcomes: IngestOutcome[] = [];
    for (const raw of events) {
      const parsed = inboundEventSchema.safeParse(raw);
      if (!parsed.success) {
        throw new ChannelInputError(
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      }
      const event = parsed.data;
      outcomes.push(
        event.type === 'message'
          ? await this.ingestMessage(inbox, event)
          : await this.ingestStatus(inbox, event),
      );
    }
    return outcomes;
  }

  private async ingestMessage(inbox: InboxRow, event: MessageEvent): Promise<IngestOutcome> {
    // Attachments are written before the transaction: a rollback leaves an orphan file, never a
    // message pointing at missing bytes.
    const attachments: AttachmentDto[] = [];
    for (const a of event.attachments)
      attachments.push(await this.files.store(inbox.account_id, a));
    const fast = await this.tryFastPath(inbox, event, attachments);
    if (fast) return fast;
    try {
      return await this.ds.transaction(async (em) => {
        const identity = await resolveIdentity(em, inbox, event.sender);
        const pending: PendingEvent[] = [];
        let activity: MessageDto | null = null;
        const { conv, created } = await this.findOrOpenConversation(em, inbox, identity, event);
        const text = event.text ?? null;
        const html = event.html ? sanitizeEmailHtml(event.html) : null;
        const inserted = await queryOne<{ id: string; created_at: Date }>(
          em,
          `INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, sender_contact_id,
                                 text, html, attachments, external_id)
           VALUES ($1, $2, $3, 'incoming', 'message', 'contact', $4, $5, $6, $7, $8)
           ON CONFLICT (inbox_id, external_id) DO NOTHING RETURNING id, created_at`,
          [
            inbox.account_id,
            conv.id,
            inbox.id,
            identity.contactId,
            text,
            html,
            JSON.stringify(attachments),
            event.externalId,
          ],
        );
        if (!inserted) throw new DuplicateMessage();

        const wasSnoozed = conv.status === 'snoozed';
        if (conv.status !== 'open') {
          await em.query(
            `UPDATE conversations SET status = 'open', snoozed_until = NULL, snoozed_by_id = NULL WHERE id = $1`,
            [conv.id],
          );
          activity = await addActivity(em, conv, {
            type: wasSnoozed ? 'unsnoozed_by_customer' : 'reopened_by_customer',
          });
        }
        const summary = await updateAndLoadSummary(
          em,
          conv.id,
          `last_activity_at = now(), last_incoming_at = now(), last_message_preview = $2,
           last_message_direction = 'incoming', unread_count = unread_count + 1, updated_at = now(),
           subject = COALESCE(subject, $3)`,
          [previewOf(text ?? attachments[0]?.filename ?? null), event.subject ?? null],
        );
        const message: MessageDto = {
          id: inserted.id,
          conversationId: conv.id,
          direction: 'incoming',
          kind: 'message',
          sender: { type: 'contact', id: identity.contactId, name: summary.contact.name },
          text,
          html,
          attachments,
          activity: null,
          deliveryStatus: null,
          failureReason: null,
          channel: inbox.kind,
          createdAt: inserted.created_at.toISOString(),
        };
        // Every event of this transaction carries the final summary, so clients see one state.
        if (created)
          pending.push({
            type: 'conversation.created',
            conversationId: conv.id,
            payload: { conversation: summary },
          });
        if (activity)
          pending.push({
            type: 'message.created',
            conversationId: conv.id,
            payload: { message: activity, conversation: summary },
          });
        pending.push({
          type: 'message.created',
          conversationId: conv.id,
          payload: { message, conversation: summary },
        });
        if (wasSnoozed) pending.push(...(await this.notifyUnsnoozed(em, conv, summary)));
        await this.events.append(em, inbox.account_id, pending);
        return {
          kind: 'stored',
          messageId: inserted.id,
          conversationId: conv.id,
          createdConversation: created,
        } as const;
      });
    } catch (err) {
      if (err instanceof DuplicateMessage)
        return { kind: 'duplicate', externalId: event.externalId };
      throw err;
    }
  }

  /**
   * The common case in one round trip (sb_ingest_message, see its migration): no thread hints, the
   * sender's open or a new conversation. Returns null when the general path must decide.
   */
  private async tryFastPath(
    inbox: InboxRow,
    event: MessageEvent,
    attachments: AttachmentDto[],
  ): Promise<IngestOutcome | null> {
    const hasHints = Boolean(event.thread?.conversationToken || event.thread?.references?.length);
    if (hasHints || event.thread?.continueLatest === false) return null;
    const text = event.text ?? null;
    try {
      const rows = await queryRows<{
        r: { messageId: string; conversationId: string; created: boolean };
      }>(this.ds.manager, 'SELECT sb_ingest_message($1::jsonb) AS r', [
        JSON.stringify({
          accountId: inbox.account_id,
          inboxId: inbox.id,
          channel: inbox.kind,
          sender: event.sender,
          externalId: event.externalId,
          text,
          html: event.html ? sanitizeEmailHtml(event.html) : null,
          subject: event.subject ?? null,
          attachments,
          preview: previewOf(text ?? attachments[0]?.filename ?? null),
        }),
      ]);
      const r = rows[0]!.r;
      this.events.notifyCommitted(inbox.account_id);
      return {
        kind: 'stored',
        messageId: r.messageId,
        conversationId: r.conversationId,
        createdConversation: r.created,
      };
    } catch (err) {
      const message = (err as Error).message;
      if (message.includes('sb_duplicate'))
        return { kind: 'duplicate', externalId: event.externalId };
      if (message.includes('sb_fallback')) return null;
      throw err;
    }
  }

  private async notifyUnsnoozed(
    em: EntityManager,
    conv: ConversationRow,
    summary: ConversationSummaryDto,
  ) {
    const recipients = await notificationRecipients(em, conv);
    if (conv.snoozed_by_id && !conv.assignee_id && !recipients.includes(conv.snoozed_by_id))
      recipients.push(conv.snoozed_by_id);
    return createNotifications(em, conv.account_id, recipients, 'unsnoozed_by_customer', summary);
  }

  private async findOrOpenConversation(
    em: EntityManager,
    inbox: InboxRow,
    identity: { id: string; contactId: string },
    event: MessageEvent,
  ): Promise<{ conv: ConversationRow; created: boolean }> {
    const hinted = await this.findByThreadHints(em, inbox.account_id, event);
    if (hinted) return { conv: hinted, created: false };
    const continueLatest = event.thread?.continueLatest ?? true;
    if (continueLatest) {
      const latest = await queryOne<ConversationRow>(
        em,
        'SELECT * FROM conversations WHERE identity_id = $1 ORDER BY created_at DESC LIMIT 1 FOR UPDATE',
        [identity.id],
      );
      if (latest && (latest.status !== 'closed' || inbox.reopen_policy === 'reopen'))
        return { conv: latest, created: false };
    }
    // A sequence per account: no lock held for the rest of the transaction; a rollback leaves a gap.
    const number = await queryOne<{ last_number: string }>(
      em,
      'SELECT nextval($1::regclass) AS last_number',
      [conversationNumberSequence(inbox.account_id)],
    );
    const conv = await queryOne<ConversationRow>(
      em,
      `INSERT INTO conversations (id, account_id, number, inbox_id, contact_id, identity_id, subject)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        randomUUID(),
        inbox.account_id,
        Number(number!.last_number),
        inbox.id,
        identity.contactId,
        identity.id,
        event.subject ?? null,
      ],
    );
    return { conv: conv!, created: true };
  }

  /** Email-style threading: a reply token, then References/In-Reply-To against stored messages. */
  private async findByThreadHints(
    em: EntityManager,
    accountId: string,
    event: MessageEvent,
  ): Promise<ConversationRow | null> {
    const token = event.thread?.conversationToken;
    if (token && isUuid(token)) {
      const byToken = await queryOne<ConversationRow>(
        em,
        'SELECT * FROM conversations WHERE id = $1 AND account_id = $2 FOR UPDATE',
        [token, accountId],
      );
      if (byToken) return byToken;
    }
    const refs = event.thread?.references ?? [];
    if (refs.length === 0) return null;
    const rows = await queryRows<ConversationRow>(
      em,
      `SELECT c.* FROM conversations c
        WHERE c.id = (SELECT m.conversation_id FROM messages m
                       WHERE m.account_id = $1 AND m.external_id = ANY($2::text[])
                       ORDER BY m.created_at DESC LIMIT 1)
        FOR UPDATE`,
      [accountId, refs.slice(-50)],
    );
    return rows[0] ?? null;
  }

  private async ingestStatus(inbox: InboxRow, event: StatusEvent): Promise<IngestOutcome> {
    return this.ds.transaction(async (em) => {
      const row = await queryOne<{ id: string; conversation_id: string }>(
        em,
        `UPDATE messages
            SET delivery_status = $3, updated_at = now(),
                failure_reason = CASE WHEN $3 = 'failed' THEN $4 ELSE failure_reason END
          WHERE account_id = $1 AND external_id = $2 AND direction = 'outgoing' AND ${deliveryTransitionSql('$3')}
          RETURNING id, conversation_id`,
        [inbox.account_id, event.externalId, event.status, event.reason ?? 'Delivery failed'],
      );
      if (!row) return { kind: 'status', messageId: null } as const;
      const message = await loadMessage(em, row.id);
      await this.events.append(em, inbox.account_id, [
        { type: 'message.updated', conversationId: row.conversation_id, payload: { message } },
      ]);
      return { kind: 'status', messageId: row.id } as const;
    });
  }
}
