import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboundMessageEvent } from '@switchboard/channels-core';
import { EmailChannelAdapter, type EmailInboxContext } from '@switchboard/channels-email';
import type { DataSource } from 'typeorm';
import { queryOne } from '../../core/database/sql-rows';
import { EventLogService } from '../../core/events/event-log.service';
import { loadSummary } from '../conversations/conversation-summary.query';
import { loadMessage } from '../messages/message-row';
import { EmailSyncStateRepository } from './email-sync-state.repository';

/** At most this many acknowledgements to one address per hour, whatever the conversation. */
const PER_RECIPIENT_HOURLY_CAP = 3;

export type AutoReplyResult = 'sent' | 'skipped' | 'capped' | 'failed';

/**
 * The inbox's automatic acknowledgement ("We got your mail, ticket #12"). The loop rules of RFC 3834
 * live here: never to automatic mail, once per conversation, a few per address per hour, and
 * marked Auto-Submitted: auto-replied so the other side's robots stay quiet too. The sent mail is
 * shown in the conversation as a system message.
 */
@Injectable()
export class EmailAutoReplyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly adapter: EmailChannelAdapter,
    private readonly events: EventLogService,
    private readonly state: EmailSyncStateRepository,
  ) {}

  async acknowledge(
    ctx: EmailInboxContext,
    accountId: string,
    conversationId: string,
    event: InboundMessageEvent,
  ): Promise<AutoReplyResult> {
    const text = ctx.settings.autoAcknowledgement;
    if (!text || event.automated) return 'skipped';
    const recipient = event.sender.externalId;

    // Reserve the slot first (unique per conversation): a replay or a second instance cannot send again.
    const reserved = await queryOne<{ id: string }>(
      this.ds.manager,
      `INSERT INTO email_auto_replies (inbox_id, conversation_id, recipient)
       SELECT $1, $2, $3
        WHERE (SELECT count(*) FROM email_auto_replies
                WHERE inbox_id = $1 AND recipient = $3 AND sent_at > now() - interval '1 hour') < $4
       ON CONFLICT (inbox_id, conversation_id) DO NOTHING
       RETURNING id`,
      [ctx.inboxId, conversationId, recipient, PER_RECIPIENT_HOURLY_CAP],
    );
    if (!reserved) {
      await this.state.log(ctx.inboxId, {
        messageId: event.externalId,
        action: 'capped',
        reason: `No automatic acknowledgement: ${recipient} already got one for this conversation or ${PER_RECIPIENT_HOURLY_CAP} within the hour`,
      });
      return 'capped';
    }

    const conv = await queryOne<{ number: number; subject: string | null }>(
      this.ds.manager,
      'SELECT number, subject FROM conversations WHERE id = $1',
      [conversationId],
    );
    if (!conv) return 'skipped';
    const result = await this.adapter.send(
      {
        idempotencyKey: `ack-${reserved.id}`,
        automatic: true,
        conversation: {
          id: conversationId,
          number: conv.number,
          subject: conv.subject,
          threadExternalIds: [event.externalId],
        },
        recipient: {
          externalId: recipient,
          name: event.sender.name ?? null,
          email: event.sender.email ?? recipient,
          phone: null,
        },
        sender: { name: null },
        text,
        html: null,
        attachments: [],
      },
      ctx,
    );
    if (!result.ok) {
      await this.state.log(ctx.inboxId, {
        messageId: event.externalId,
        action: 'failed',
        reason: `Automatic acknowledgement not sent: ${result.error.message}`,
      });
      return 'failed';
    }
    await this.ds.transaction(async (em) => {
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, text, external_id,
                               delivery_status)
         VALUES ($1, $2, $3, 'outgoing', 'message', 'system', $4, $5, 'sent')
         ON CONFLICT (inbox_id, external_id) DO NOTHING RETURNING id`,
        [accountId, conversationId, ctx.inboxId, text, result.externalId],
      );
      if (!row) return;
      const message = await loadMessage(em, row.id);
      const conversation = await loadSummary(em, conversationId);
      await this.events.append(em, accountId, [
        { type: 'message.created', conversationId, payload: { message, conversation } },
      ]);
    });
    return 'sent';
  }
}
