import type { QueueDefinition } from '../../core/queue/queue.service';

export const OUTBOUND_DELIVERY_QUEUE = 'outbound-delivery';

/** Automatic tries per round (the first send, or an operator's retry): 6, over about a minute. */
export const MAX_TRIES_PER_ROUND = 6;

/** Delay before automatic try `n + 1` of a round: 2, 4, 8, 16, 32 s, or longer if the channel asks. */
export function retryDelayMs(triesSoFar: number, retryAfterMs?: number): number {
  const backoff = 2_000 * 2 ** (triesSoFar - 1);
  return Math.min(Math.max(backoff, retryAfterMs ?? 0), 15 * 60_000);
}

/**
 * How long a claimed attempt stays owned: the send's own budget plus time to record its outcome
 * (as long as the budget, between 5 s and 60 s). A lease that runs out before a slow write lands
 * is harmless: the attempt is settled as uncertain and the late answer revises it.
 */
export function attemptLeaseMs(sendTimeoutMs: number): number {
  return sendTimeoutMs + Math.min(Math.max(sendTimeoutMs, 5_000), 60_000);
}

/**
 * The queue carries wake-ups, not delivery state: every attempt is claimed in `outbound_attempts`
 * first, so a job pg-boss runs twice (a retry after its expiry, a second instance) finds the
 * attempt running or done and sends nothing. Retries of a failed try are new jobs the worker
 * schedules itself; pg-boss's own retries only cover a handler that crashed before it could.
 */
export function outboundDeliveryQueue(sendTimeoutMs: number): QueueDefinition {
  return {
    name: OUTBOUND_DELIVERY_QUEUE,
    retryLimit: 5,
    retryDelay: 2,
    // A handler runs no longer than its attempt's lease plus the few seconds that record the outcome
    // (and if it did, the job's rerun would find the attempt running and do nothing). A job whose
    // process died is failed by pg-boss's maintenance after this and run again.
    expireInSeconds: Math.ceil(attemptLeaseMs(sendTimeoutMs) / 1000) + 10,
  };
}

export interface OutboundDeliveryJob {
  messageId: string;
  /**
   * The attempt this job is for (1 = the first). A job that finds the message further along (a
   * duplicate of an earlier one) does nothing. Absent: whatever attempt comes next.
   */
  attempt?: number;
  /** The attempt that opened this round of automatic tries (see MAX_TRIES_PER_ROUND). */
  round?: number;
  /** An operator asked for it: the retry of a failed send or the resend of an uncertain one. */
  deliberate?: boolean;
  /** Not a send: settle this attempt as uncertain if its lease ran out without an outcome. */
  settleAttemptId?: string;
}
