import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboundMessageEvent } from '@switchboard/channels-core';
import { EmailChannelAdapter, type EmailInboxContext } from '@switchboard/channels-email';
import type { DataSource } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { EmailAutoRepliesRepository } from './email-auto-replies.repository';
import { EmailSyncLogRepository } from './email-sync-log.repository';

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
    private readonly autoReplies: EmailAutoRepliesRepository,
    private readonly syncLog: EmailSyncLogRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
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
    const reservationId = await this.autoReplies.reserve(
      ctx.inboxId,
      conversationId,
      recipient,
      PER_RECIPIENT_HOURLY_CAP,
    );
    if (!reservationId) {
      await this.syncLog.add(ctx.inboxId, {
        messageId: event.externalId,
        action: 'capped',
        reason: `No automatic acknowledgement: ${recipient} already got one for this conversation or ${PER_RECIPIENT_HOURLY_CAP} within the hour`,
      });
      return 'capped';
    }

    const conv = await this.conversations.findNumberAndSubject(conversationId);
    if (!conv) return 'skipped';
    const result = await this.adapter.send(
      {
        idempotencyKey: `ack-${reservationId}`,
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
      await this.syncLog.add(ctx.inboxId, {
        messageId: event.externalId,
        action: 'failed',
        reason: `Automatic acknowledgement not sent: ${result.error.message}`,
      });
      return 'failed';
    }
    await this.ds.transaction(async (em) => {
      const messageId = await this.messages.insertSystemReply(em, {
        accountId,
        conversationId,
        inboxId: ctx.inboxId,
        text,
        externalId: result.externalId,
      });
      if (!messageId) return;
      const message = await this.messages.loadDto(em, messageId);
      const conversation = await this.conversations.loadSummary(em, conversationId);
      await this.events.append(em, accountId, [
        { type: 'message.created', conversationId, payload: { message, conversation } },
      ]);
    });
    // The copy in the Sent folder, once the acknowledgement is on record.
    await result.afterRecorded?.();
    return 'sent';
  }
}
