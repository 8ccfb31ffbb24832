import { Injectable } from '@nestjs/common';
import {
  ChannelInputError,
  type InboundEvent,
  type InboundMessageEvent,
} from '@switchboard/channels-core';
import {
  parseEmailAsPlainText,
  type EmailInboxContext,
  type EmailReadingNote,
  type ParseContext,
  type RawEmail,
} from '@switchboard/channels-email';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { EmailAutoReplyService } from './email-auto-reply.service';
import { EmailParserPool } from './email-parser-pool';
import { emailFingerprint, variantMessageId } from './email-fingerprint';
import { EmailSeenMessagesRepository } from './email-seen-messages.repository';
import { EmailSyncLogRepository } from './email-sync-log.repository';
import { EmailThreadingRepository } from './email-threading.repository';

type ParsedEmail =
  | { kind: 'events'; events: InboundEvent[]; notes: EmailReadingNote[] }
  | { kind: 'refused'; reason: string };

/** The plain-text reader gives no reason for an empty result; these are the cases it has. */
const NOTHING = 'Nothing to store: our own message coming back, or a delivery delay notice';

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
    private readonly parser: EmailParserPool,
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
    const parsed = await this.parse(raw, ctx);
    if (parsed.kind === 'refused') {
      await this.syncLog.add(inboxId, { uid: raw.uid, action: 'refused', reason: parsed.reason });
      return 'refused';
    }
    const { events, notes } = parsed;
    if (events.length === 0) {
      const skips = notes.length > 0 ? notes : [{ action: 'skipped' as const, reason: NOTHING }];
      for (const note of skips) await this.syncLog.add(inboxId, { uid: raw.uid, ...note });
      return 'skipped';
    }
    let result: EmailIngestResult = 'skipped';
    for (const event of events) {
      result =
        event.type !== 'message'
          ? await this.ingestStatus(inboxId, raw, event)
          : await this.ingestMessage(accountId, ctx, raw, event);
      // What could not be kept or read is said once, when the mail is stored.
      if (event.type === 'message' && result === 'stored') {
        for (const note of notes)
          await this.syncLog.add(inboxId, { uid: raw.uid, messageId: event.externalId, ...note });
      }
    }
    return result;
  }

  /**
   * The events of one message, parsed in a worker thread. A message whose parse runs past its
   * budget (or takes its worker down) is read again by the bounded plain-text reader, here, so it
   * is stored all the same and the mailbox moves past it; the note says why.
   */
  private async parse(raw: RawEmail, ctx: EmailInboxContext): Promise<ParsedEmail> {
    const parseCtx: ParseContext = { inboxId: ctx.inboxId, settings: ctx.settings };
    const outcome = await this.parser.parse(raw, parseCtx);
    if (outcome.kind === 'parsed')
      return { kind: 'events', events: outcome.events, notes: outcome.notes };
    if (outcome.kind === 'refused') return outcome;
    const note = `[Switchboard could not fully read this email (${outcome.reason}). It is shown as plain text, without formatting or attachments; the original is still in the mailbox.]`;
    try {
      return {
        kind: 'events',
        events: parseEmailAsPlainText(raw, parseCtx, note),
        notes: [
          {
            action: 'simplified',
            reason: `Stored as plain text, without formatting or attachments: ${outcome.reason}`,
          },
        ],
      };
    } catch (err) {
      if (!(err instanceof ChannelInputError)) throw err;
      return { kind: 'refused', reason: err.message };
    }
  }

  /**
   * A Message-ID this inbox took before: the same mail again (same content, or seen before
   * fingerprints were kept) is a duplicate, logged; a different mail reusing the id (mailing
   * tools and some clients do) is stored as its own message, under a variant of the id.
   */
  private async knownAs(
    inboxId: string,
    raw: RawEmail,
    event: InboundMessageEvent,
    fingerprint: string,
  ): Promise<InboundMessageEvent | 'duplicate'> {
    const seen = await this.seen.find(inboxId, event.externalId);
    if (!seen) return event;
    const variant = { ...event, externalId: variantMessageId(event.externalId, fingerprint) };
    const same = seen.fingerprint === null || seen.fingerprint === fingerprint;
    if (!same && !(await this.seen.find(inboxId, variant.externalId))) return variant;
    await this.syncLog.add(inboxId, {
      uid: raw.uid,
      messageId: event.externalId,
      action: 'duplicate',
      reason: 'Already imported: the same mail (Message-ID and content) came again',
    });
    return 'duplicate';
  }

  private async ingestStatus(
    inboxId: string,
    raw: RawEmail,
    event: InboundEvent,
  ): Promise<EmailIngestResult> {
    const [outcome] = await this.pipeline.ingest(inboxId, [event]);
    // Kept a while in case its message is being recorded right now; usually it is not ours.
    if (outcome?.kind === 'status' && outcome.result === 'held')
      await this.syncLog.add(inboxId, {
        uid: raw.uid,
        messageId: event.externalId,
        action: 'skipped',
        reason: 'A delivery report for a message this inbox did not send: nothing to mark',
      });
    return 'status';
  }

  private async ingestMessage(
    accountId: string,
    ctx: EmailInboxContext,
    raw: RawEmail,
    fetched: InboundMessageEvent,
  ): Promise<EmailIngestResult> {
    let event = fetched;
    const inboxId = ctx.inboxId;
    const fingerprint = emailFingerprint(raw.source, event.sender.externalId);
    const known = await this.knownAs(inboxId, raw, event, fingerprint);
    if (known === 'duplicate') return 'duplicate';
    event = known;

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
      await this.seen.markSeen(inboxId, event.externalId, conversationId, fingerprint);
      return 'capped';
    }

    const clean = withoutNulBytes({
      ...event,
      // Email: a message that matches no thread is a new conversation, never "the latest one".
      thread: { references, conversationToken: token, continueLatest: false },
    });
    try {
      // The parse worker sanitized the HTML as the core would (see email-parse.worker.ts).
      const [outcome] = await this.pipeline.ingest(inboxId, [clean], { htmlSanitized: true });
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
        fingerprint,
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
