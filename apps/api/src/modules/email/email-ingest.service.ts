import { Injectable } from '@nestjs/common';
import {
  ChannelInputError,
  type InboundEvent,
  type InboundMessageEvent,
} from '@switchboard/channels-core';
import {
  EmailChannelAdapter,
  type EmailInboxContext,
  type RawEmail,
} from '@switchboard/channels-email';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { EmailAutoReplyService } from './email-auto-reply.service';
import { EmailSeenMessagesRepository } from './email-seen-messages.repository';
import { EmailSyncLogRepository } from './email-sync-log.repository';
import { EmailThreadingRepository } from './email-threading.repository';

export type EmailIngestResult =
  'stored' | 'duplicate' | 'refused' | 'skipped' | 'capped' | 'status';

/**
 * One fetched message → the core pipeline, with the email rules around it: never re-import a
 * Message-ID this inbox already took (even if its conversation was deleted since), thread by
 * subject + sender when a client dropped every header, cap a conversation's inbound mail per hour
 * (mail loops), and turn unreadable mail into a visible log entry instead of a stuck mailbox.
 */
@Injectable()
export class EmailIngestService {
  constructor(
    private readonly adapter: EmailChannelAdapter,
    private readonly pipeline: InboundPipelineService,
    private readonly threading: EmailThreadingRepository,
    private readonly seen: EmailSeenMessagesRepository,
    private readonly syncLog: EmailSyncLogRepository,
    private readonly autoReply: EmailAutoReplyService,
  ) {}

  async ingest(
    accountId: string,
    ctx: EmailInboxContext,
    raw: RawEmail,
  ): Promise<EmailIngestResult> {
    const inboxId = ctx.inboxId;
    let events: InboundEvent[];
    try {
      events = await this.adapter.parseInbound(raw, ctx);
    } catch (err) {
      if (!(err instanceof ChannelInputError)) throw err;
      await this.syncLog.add(inboxId, { uid: raw.uid, action: 'refused', reason: err.message });
      return 'refused';
    }
    if (events.length === 0) {
      await this.syncLog.add(inboxId, {
        uid: raw.uid,
        action: 'skipped',
        reason: 'Nothing to store: our own message coming back, or a delivery delay notice',
      });
      return 'skipped';
    }
    let result: EmailIngestResult = 'skipped';
    for (const event of events) {
      result =
        event.type === 'status'
          ? await this.ingestStatus(inboxId, event)
          : await this.ingestMessage(accountId, ctx, raw, event);
    }
    return result;
  }

  private async ingestStatus(inboxId: string, event: InboundEvent): Promise<EmailIngestResult> {
    await this.pipeline.ingest(inboxId, [event]);
    return 'status';
  }

  private async ingestMessage(
    accountId: string,
    ctx: EmailInboxContext,
    raw: RawEmail,
    event: InboundMessageEvent,
  ): Promise<EmailIngestResult> {
    const inboxId = ctx.inboxId;
    if (await this.seen.wasSeen(inboxId, event.externalId)) return 'duplicate';

    const references = event.thread?.references ?? [];
    let token = event.thread?.conversationToken ?? null;
    const byReference = token
      ? null
      : await this.threading.findConversationByReferences(accountId, references);
    if (!token && !byReference) {
      token = await this.threading.findConversationBySubjectAndSender(
        inboxId,
        event.sender.externalId,
        event.subject,
      );
    }

    const conversationId = token ?? byReference;
    if (
      conversationId &&
      (await this.threading.countIncomingInLastHour(conversationId)) >=
        ctx.settings.hourlyMessageCap
    ) {
      await this.syncLog.add(inboxId, {
        uid: raw.uid,
        messageId: event.externalId,
        action: 'capped',
        reason: `More than ${ctx.settings.hourlyMessageCap} messages in one conversation within an hour (mail loop?)`,
      });
      await this.seen.markSeen(inboxId, event.externalId, conversationId);
      return 'capped';
    }

    const clean = withoutNulBytes({
      ...event,
      // Email: a message that matches no thread is a new conversation, never "the latest one".
      thread: { references, conversationToken: token, continueLatest: false },
    });
    try {
      const [outcome] = await this.pipeline.ingest(inboxId, [clean]);
      if (outcome?.kind === 'stored' && outcome.createdConversation) {
        // The message is committed whatever happens to the acknowledgement.
        await this.autoReply
          .acknowledge(ctx, accountId, outcome.conversationId, clean)
          .catch((err: unknown) =>
            this.syncLog.add(inboxId, {
              uid: raw.uid,
              messageId: event.externalId,
              action: 'failed',
              reason: `Acknowledgement: ${String(err)}`,
            }),
          );
      }
      await this.seen.markSeen(
        inboxId,
        event.externalId,
        outcome?.kind === 'stored' ? outcome.conversationId : conversationId,
      );
      return outcome?.kind === 'stored' ? 'stored' : 'duplicate';
    } catch (err) {
      if (!(err instanceof ChannelInputError)) throw err;
      await this.syncLog.add(inboxId, {
        uid: raw.uid,
        messageId: event.externalId,
        action: 'refused',
        reason: err.message,
      });
      return 'refused';
    }
  }
}

/** PostgreSQL text cannot hold NUL; broken mail sometimes carries it. */
function withoutNulBytes(event: InboundMessageEvent): InboundMessageEvent {
  const strip = (s: string | null | undefined) =>
    typeof s === 'string' ? s.split(String.fromCharCode(0)).join('') : s;
  return {
    ...event,
    text: strip(event.text) ?? null,
    html: strip(event.html),
    subject: strip(event.subject),
    sender: { ...event.sender, name: strip(event.sender.name) },
    attachments: (event.attachments ?? []).map((a) => ({
      ...a,
      filename: strip(a.filename) || 'attachment',
    })),
  };
}
