import type { QueueDefinition } from '../../core/queue/queue.service';

export const ATTACHMENT_FETCH_QUEUE = 'attachment-fetch';

/** Tries before a file the provider keeps failing to give us is shown as unavailable. */
export const MAX_FETCH_ATTEMPTS = 8;

/** Fetch jobs are enqueued in the transaction that stores their message: none is lost or phantom. */
export const attachmentFetchQueue: QueueDefinition = {
  name: ATTACHMENT_FETCH_QUEUE,
  retryLimit: MAX_FETCH_ATTEMPTS,
  // 2, 4, 8 … s: a provider outage of a few minutes is ridden out.
  retryDelay: 2,
  expireInSeconds: 120,
};

export interface AttachmentFetchJob {
  fetchId: string;
}
