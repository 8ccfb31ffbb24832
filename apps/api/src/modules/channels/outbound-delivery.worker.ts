import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  ChannelError,
  type AnyChannelAdapter,
  type OutboundMessage,
  type SendResult,
} from '@switchboard/channels-core';
import type PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { QueueService } from '../../core/queue/queue.service';
import { FilesService } from '../../core/storage/files.service';
import { MessagesRepository } from '../messages/messages.repository';
import {
  MessageDeliveryRepository,
  type OutboundMessageRow,
} from '../messages/message-delivery.repository';
import { InboxesService } from '../inboxes/inboxes.service';
import { EmailReplyExtrasService } from '../email-replies/email-reply-extras.service';
import { ChannelRegistryService } from './channel-registry.service';
import {
  OutboundAttemptsService,
  type AttemptResult,
  type ClaimedAttempt,
} from './outbound-attempts.service';
import {
  attemptLeaseMs,
  OUTBOUND_DELIVERY_QUEUE,
  outboundDeliveryQueue,
  type OutboundDeliveryJob,
} from './outbound-delivery.queue';

const TIMED_OUT = Symbol('timed out');
/** How long a provider may take to fetch the media of a message we sent (Twilio fetches at once). */
const MEDIA_LINK_TTL_SECONDS = 15 * 60;

/**
 * Sends stored outgoing messages through their conversation's channel. Every call to the channel
 * is an attempt claimed in the database first (see OutboundAttemptsService), with the message id
 * as the channel's idempotency key, and bounded in time: a send that has not answered within
 * OUTBOUND_ATTEMPT_TIMEOUT_MS ends as "delivery uncertain", and its late answer, if definite,
 * settles it.
 */
@Injectable()
export class OutboundDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboundDeliveryWorker.name);
  /** Names this process in the attempts it claims. */
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly registry: ChannelRegistryService,
    private readonly inboxes: InboxesService,
    private readonly files: FilesService,
    private readonly messages: MessagesRepository,
    private readonly delivery: MessageDeliveryRepository,
    private readonly attempts: OutboundAttemptsService,
    private readonly emailExtras: EmailReplyExtrasService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.define(outboundDeliveryQueue(this.config.OUTBOUND_ATTEMPT_TIMEOUT_MS));
    await this.queue.work<OutboundDeliveryJob>(OUTBOUND_DELIVERY_QUEUE, (job) => this.handle(job));
  }

  async handle(job: Pick<PgBoss.JobWithMetadata<OutboundDeliveryJob>, 'data'>): Promise<void> {
    const { data } = job;
    if (data.settleAttemptId) {
      await this.attempts.settleIfAbandoned(data.messageId, data.settleAttemptId);
      return;
    }
    // Everything the send needs is read before the claim, so that once an attempt is claimed the
    // channel is called at once: a crash in between would leave an outcome "unknown" for nothing.
    const row = await this.delivery.findOutbound(data.messageId);
    if (!row || row.kind !== 'message' || row.delivery_status !== 'pending') return;
    const { inbox, context } = await this.inboxes.loadContext(row.conv_inbox_id);
    const adapter = this.registry.get(inbox.kind);
    const threadIds = await this.delivery.threadExternalIds(row.conversation_id, inbox.id);
    // Email: Cc/Bcc, the quoted message and the signature go into the mail, not the timeline.
    const extras = inbox.kind === 'email' ? await this.emailExtras.forDelivery(row, inbox) : {};

    const budgetMs = this.config.OUTBOUND_ATTEMPT_TIMEOUT_MS;
    const claim = await this.attempts.claim(data, this.workerId, attemptLeaseMs(budgetMs));
    if (claim.kind !== 'claimed') return;
    const { attempt } = claim;

    const sending: Promise<SendResult> = inbox.removedAt
      ? Promise.resolve({
          ok: false,
          error: new ChannelError(
            'CONFIG_INVALID',
            'The inbox was removed: nothing is sent through it',
          ),
        })
      : this.sendSafely(adapter, { ...this.outbound(row, threadIds, attempt), ...extras }, context);
    const answer = await withinBudget(sending, budgetMs);
    if (answer === TIMED_OUT) {
      this.logger.warn(`Message ${row.id}: no answer from ${inbox.kind} within ${budgetMs} ms`);
      await this.record(attempt, { kind: 'timed-out', afterMs: budgetMs });
      // The channel may still answer; a definite answer then settles the message.
      void sending
        .then((late) => this.settleLate(attempt, late))
        .catch((err: unknown) =>
          this.logger.warn(`Message ${row.id}: late answer not recorded: ${String(err)}`),
        );
      return;
    }
    const recorded =
      (await this.record(attempt, toAttemptResult(answer))) ||
      (await this.attempts.settleLate(attempt, toAttemptResult(answer)));
    await this.noteConnection(inbox, answer);
    if (!recorded) return;
    if (!answer.ok) {
      this.logger.warn(`Message ${row.id} on ${inbox.kind}: ${answer.error.message}`);
      return;
    }
    await this.afterRecorded(row.id, answer);
  }

  /** A refused credential shows on the inbox; a send that worked clears the complaint. */
  private async noteConnection(
    inbox: { id: string; connectionError: string | null },
    answer: SendResult,
  ): Promise<void> {
    if (!answer.ok && answer.error.code === 'AUTH_FAILED')
      await this.inboxes.setConnectionError(inbox.id, answer.error.message);
    else if (answer.ok && inbox.connectionError)
      await this.inboxes.setConnectionError(inbox.id, null);
  }

  private async settleLate(attempt: ClaimedAttempt, late: SendResult): Promise<void> {
    if (await this.attempts.settleLate(attempt, toAttemptResult(late)))
      await this.afterRecorded(attempt.message.id, late);
  }

  /**
   * The channel has answered; losing that answer to a database blip would turn a known outcome into
   * an uncertain one, so the write is tried a few times before the lease is left to settle it.
   */
  private async record(attempt: ClaimedAttempt, result: AttemptResult): Promise<boolean> {
    for (let tries = 1; ; tries++) {
      try {
        return await this.attempts.finish(attempt, result);
      } catch (err) {
        if (tries >= 4) throw err;
        this.logger.warn(`Recording attempt ${attempt.attemptId} failed, again: ${String(err)}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** tries));
      }
    }
  }

  private async afterRecorded(messageId: string, result: SendResult): Promise<void> {
    if (!result.ok || !result.afterRecorded) return;
    await result
      .afterRecorded()
      .catch((err: unknown) =>
        this.logger.warn(`Message ${messageId}: after sending: ${String(err)}`),
      );
  }

  private outbound(
    row: OutboundMessageRow,
    threadExternalIds: string[],
    attempt: ClaimedAttempt,
  ): OutboundMessage {
    return {
      idempotencyKey: row.id,
      conversation: {
        id: row.conversation_id,
        number: row.number,
        subject: row.subject,
        threadExternalIds,
      },
      recipient: {
        externalId: row.recipient_external_id,
        name: row.recipient_name,
        email: row.recipient_email,
        phone: row.recipient_phone,
      },
      sender: { name: row.operator_name },
      replyTo: row.reply_to_external_id ? { externalId: row.reply_to_external_id } : null,
      template: row.template,
      buttons: row.buttons,
      text: row.text ?? '',
      html: null,
      attachments: row.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        read: async () => {
          const file = await this.files.find(a.id);
          if (!file) throw new Error(`Attachment ${a.id} is missing`);
          return this.files.readBuffer(file);
        },
        // Long enough for the provider to fetch it right after the send, short enough to be useless later.
        signedUrl: () =>
          `${this.config.PUBLIC_URL.replace(/\/$/, '')}${this.files.signedPath(a, MEDIA_LINK_TTL_SECONDS).path}`,
      })),
      deliberateResend: attempt.deliberate,
    };
  }

  private async sendSafely(
    adapter: AnyChannelAdapter,
    message: OutboundMessage,
    context: Parameters<AnyChannelAdapter['send']>[1],
  ): Promise<SendResult> {
    try {
      return await adapter.send(message, context);
    } catch (err) {
      // An adapter that throws instead of returning is a bug, and it may have thrown after the
      // message left: only a person can tell whether it arrived.
      return {
        ok: false,
        error: new ChannelError(
          'OUTCOME_UNKNOWN',
          `The channel adapter failed unexpectedly: ${(err as Error).message}`,
        ),
      };
    }
  }
}

function toAttemptResult(result: SendResult): AttemptResult {
  return result.ok
    ? { kind: 'sent', externalId: result.externalId }
    : { kind: 'error', error: result.error };
}

/** The send's answer, or TIMED_OUT once `budgetMs` has passed (the send itself goes on). */
async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), budgetMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
