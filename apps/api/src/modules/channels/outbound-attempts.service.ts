import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelError } from '@switchboard/channels-core';
import type { DataSource, EntityManager } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import { QueueService } from '../../core/queue/queue.service';
import { DeliveryReceiptsService } from '../messages/delivery-receipts.service';
import {
  isDuplicateOutgoingId,
  MessageDeliveryRepository,
  type DeliveryRow,
} from '../messages/message-delivery.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { OutboundAttemptsRepository } from './outbound-attempts.repository';
import {
  MAX_TRIES_PER_ROUND,
  OUTBOUND_DELIVERY_QUEUE,
  retryDelayMs,
  type OutboundDeliveryJob,
} from './outbound-delivery.queue';

/** An attempt this process owns until it records the outcome (or its lease runs out). */
export interface ClaimedAttempt {
  attemptId: string;
  number: number;
  round: number;
  deliberate: boolean;
  message: DeliveryRow;
}

export type Claim =
  | { kind: 'claimed'; attempt: ClaimedAttempt }
  /** Not pending any more, gone, a note, or a job overtaken by a later attempt. */
  | { kind: 'nothing' }
  /** Another attempt is running: it records its own outcome, its settle job covers a crash. */
  | { kind: 'busy' }
  /** An attempt that died mid-send was found and settled as uncertain. */
  | { kind: 'settled' };

/** What one call to the channel came to. */
export type AttemptResult =
  | { kind: 'sent'; externalId: string }
  | { kind: 'error'; error: ChannelError }
  /** No answer within the attempt's time budget. */
  | { kind: 'timed-out'; afterMs: number };

const DIED_MID_SEND =
  'The server sending this message stopped before the channel answered; it may have been delivered. Check with the customer, or send it again.';

/**
 * The durable state of every outbound attempt. An attempt is claimed (row lock on the message, one
 * unfinished attempt per message enforced by the database, a lease) before the channel is called
 * and finished after it answered, so a retry never overlaps a running attempt and an attempt whose
 * outcome is unknown ends as "delivery uncertain" instead of being sent again.
 */
@Injectable()
export class OutboundAttemptsService {
  private readonly logger = new Logger(OutboundAttemptsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly attempts: OutboundAttemptsRepository,
    private readonly messages: MessagesRepository,
    private readonly delivery: MessageDeliveryRepository,
    private readonly receipts: DeliveryReceiptsService,
    private readonly events: EventLogService,
    private readonly queue: QueueService,
  ) {}

  /** Claims the attempt a job asks for, or says why there is nothing to send. */
  claim(job: OutboundDeliveryJob, worker: string, leaseMs: number): Promise<Claim> {
    return this.ds.transaction(async (em): Promise<Claim> => {
      const message = await this.delivery.lockForDelivery(em, job.messageId);
      if (!message || message.kind !== 'message' || message.delivery_status !== 'pending')
        return { kind: 'nothing' };
      const running = await this.attempts.findRunning(em, message.id);
      if (running) {
        if (!running.lease_expired) return { kind: 'busy' };
        await this.giveUp(em, message, running.id, DIED_MID_SEND);
        return { kind: 'settled' };
      }
      const last = await this.attempts.lastNumber(em, message.id);
      if (job.attempt !== undefined && job.attempt !== last + 1) return { kind: 'nothing' };
      const number = last + 1;
      const deliberate = job.deliberate === true;
      const started = await this.attempts.start(em, {
        accountId: message.account_id,
        messageId: message.id,
        number,
        deliberate,
        worker,
        leaseMs,
      });
      // Exists exactly when the claim does: if this process dies mid-send, the lease's end is noticed.
      await this.enqueue(
        em,
        { messageId: message.id, settleAttemptId: started.id },
        new Date(started.leaseExpiresAt.getTime() + 1_000),
      );
      const round = deliberate || job.round === undefined ? number : job.round;
      return {
        kind: 'claimed',
        attempt: { attemptId: started.id, number, round, deliberate, message },
      };
    });
  }

  /**
   * Records what the channel answered. Returns false when the attempt had already been settled
   * without this process (its lease ran out): the caller then treats the answer as late.
   */
  async finish(attempt: ClaimedAttempt, result: AttemptResult): Promise<boolean> {
    const { message } = attempt;
    if (result.kind === 'sent') return this.recordSent(attempt, result.externalId, ['pending']);
    return this.ds.transaction(async (em) => {
      await this.delivery.lockForDelivery(em, message.id);
      if (result.kind === 'timed-out') {
        const reason = `The channel did not answer within ${Math.round(result.afterMs / 1000)} s; the message may have been delivered. Check with the customer, or send it again.`;
        if (!(await this.attempts.finish(em, attempt.attemptId, 'uncertain', reason))) return false;
        await this.moveAndAnnounce(em, message, 'uncertain', reason, ['pending']);
        return true;
      }
      const { error } = result;
      if (error.code === 'OUTCOME_UNKNOWN') {
        if (!(await this.attempts.finish(em, attempt.attemptId, 'uncertain', error.message)))
          return false;
        await this.moveAndAnnounce(em, message, 'uncertain', error.message, ['pending']);
        return true;
      }
      const triesSoFar = attempt.number - attempt.round + 1;
      if (error.retryable && triesSoFar < MAX_TRIES_PER_ROUND) {
        if (!(await this.attempts.finish(em, attempt.attemptId, 'retry', error.message)))
          return false;
        await this.delivery.noteRetrying(em, message.id, `Retrying: ${error.message}`);
        await this.enqueue(
          em,
          { messageId: message.id, attempt: attempt.number + 1, round: attempt.round },
          new Date(Date.now() + retryDelayMs(triesSoFar, error.retryAfterMs)),
        );
        return true;
      }
      if (!(await this.attempts.finish(em, attempt.attemptId, 'failed', error.message)))
        return false;
      await this.moveAndAnnounce(em, message, 'failed', error.message, ['pending']);
      return true;
    });
  }

  /**
   * An answer that came after the attempt was given up as uncertain. A definite one settles the
   * message (sent, or failed: it was not taken); another "unknown" changes nothing.
   */
  async settleLate(attempt: ClaimedAttempt, result: AttemptResult): Promise<boolean> {
    if (result.kind === 'timed-out') return false;
    if (result.kind === 'error' && result.error.code === 'OUTCOME_UNKNOWN') return false;
    if (result.kind === 'sent')
      return this.recordSent(attempt, result.externalId, ['uncertain'], true);
    const reason = `${result.error.message} (answered after the attempt was given up)`;
    return this.ds.transaction(async (em) => {
      const message = await this.delivery.lockForDelivery(em, attempt.message.id);
      if (message?.delivery_status !== 'uncertain') return false;
      if (!(await this.attempts.revise(em, attempt.attemptId, message.id, 'failed', reason)))
        return false;
      await this.moveAndAnnounce(em, message, 'failed', reason, ['uncertain']);
      return true;
    });
  }

  /** A settle job: the attempt's lease has run out; if it never finished, its outcome is unknown. */
  async settleIfAbandoned(messageId: string, attemptId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const message = await this.delivery.lockForDelivery(em, messageId);
      if (!message) return;
      const running = await this.attempts.findRunning(em, messageId);
      if (running?.id !== attemptId) return;
      if (running.lease_expired) {
        this.logger.warn(`Attempt ${running.number} of message ${messageId} never finished`);
        await this.giveUp(em, message, attemptId, DIED_MID_SEND);
        return;
      }
      // Not yet by the database's clock: look again, never sooner than in a few seconds (a clock
      // behind the database's must not turn this into a busy loop).
      const again = Math.max(running.lease_expires_at.getTime() + 1_000, Date.now() + 5_000);
      await this.enqueue(em, { messageId, settleAttemptId: attemptId }, new Date(again));
    });
  }

  private async recordSent(
    attempt: ClaimedAttempt,
    externalId: string,
    from: ['pending'] | ['uncertain'],
    late = false,
  ): Promise<boolean> {
    const { message } = attempt;
    return this.ds.transaction(async (em) => {
      // Before the row lock, as the receipt path takes them: a held receipt cannot slip between.
      await this.receipts.lockChannelId(em, message.inbox_id, externalId);
      const current = await this.delivery.lockForDelivery(em, message.id);
      const detail = late ? `${externalId} (answered after the attempt was given up)` : externalId;
      const ended = late
        ? current?.delivery_status === 'uncertain' &&
          (await this.attempts.revise(em, attempt.attemptId, message.id, 'sent', detail))
        : await this.attempts.finish(em, attempt.attemptId, 'sent', detail);
      if (!ended || !current) return false;
      let moved: boolean;
      try {
        // A savepoint: a refused id must not undo the attempt's record.
        moved = await em.transaction((inner) =>
          this.delivery.settleSend(inner, message.id, 'sent', null, externalId, from),
        );
      } catch (err) {
        if (!isDuplicateOutgoingId(err)) throw err;
        const reason = `The channel accepted this message but answered with the id "${externalId.slice(0, 200)}", which another message of this inbox already has, so its receipts cannot be told apart. Check the integration before sending it again.`;
        this.logger.warn(`Message ${message.id}: duplicate channel id ${externalId.slice(0, 200)}`);
        await this.moveAndAnnounce(em, current, 'failed', reason, from);
        return true;
      }
      if (!moved) return true;
      await this.receipts.applyHeld(em, message.inbox_id, message.id, externalId);
      await this.announce(em, current);
      return true;
    });
  }

  private async giveUp(em: EntityManager, message: DeliveryRow, attemptId: string, reason: string) {
    await this.attempts.finish(em, attemptId, 'uncertain', reason);
    await this.moveAndAnnounce(em, message, 'uncertain', reason, ['pending']);
  }

  private async moveAndAnnounce(
    em: EntityManager,
    message: DeliveryRow,
    to: 'failed' | 'uncertain',
    reason: string,
    from: readonly ('pending' | 'uncertain')[],
  ) {
    if (await this.delivery.settleSend(em, message.id, to, reason, null, from))
      await this.announce(em, message);
  }

  private async announce(em: EntityManager, message: DeliveryRow) {
    const dto = await this.messages.loadDto(em, message.id);
    await this.events.append(em, message.account_id, [
      {
        type: 'message.updated',
        conversationId: message.conversation_id,
        payload: { message: dto },
      },
    ]);
  }

  private enqueue(em: EntityManager, job: OutboundDeliveryJob, startAfter: Date) {
    return this.queue.sendInTransaction(em, OUTBOUND_DELIVERY_QUEUE, job, { startAfter });
  }
}
