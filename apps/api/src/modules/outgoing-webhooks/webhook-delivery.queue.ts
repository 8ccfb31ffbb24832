import type { QueueDefinition } from '../../core/queue/queue.service';
import { WEBHOOK_TIMEOUT_MS } from './webhook-sender';

export const WEBHOOK_DELIVERY_QUEUE = 'webhook-delivery';

/** How long a claimed attempt is owned: the send's timeout and time to record the outcome. */
export const WEBHOOK_ATTEMPT_LEASE_MS = WEBHOOK_TIMEOUT_MS + 20_000;

/**
 * The queue carries wake-ups; the attempt state lives on the delivery row. pg-boss's own retries
 * only cover a handler that crashed or expired: the backoff between failed attempts is a new job
 * the worker schedules itself, in the transaction that records the failure.
 */
export const webhookDeliveryQueue: QueueDefinition = {
  name: WEBHOOK_DELIVERY_QUEUE,
  retryLimit: 5,
  retryDelay: 30,
  expireInSeconds: Math.ceil(WEBHOOK_ATTEMPT_LEASE_MS / 1000) + 10,
};

export interface WebhookDeliveryJob {
  deliveryId: string;
  /** The attempt this job makes (1 = the first). A job that finds the delivery elsewhere does nothing. */
  attempt: number;
}
