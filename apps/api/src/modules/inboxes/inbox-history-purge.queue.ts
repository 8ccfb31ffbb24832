import type { QueueDefinition } from '../../core/queue/queue.service';

export const INBOX_HISTORY_PURGE_QUEUE = 'inbox-history-purge';

/**
 * One job per inbox removed with its history, enqueued in the transaction that removes it. A
 * purge waits for the inbox's pull loops to let go of it (retried with backoff meanwhile) and may
 * run long on a big inbox; if its instance dies, the job is run again and carries on.
 */
export const inboxHistoryPurgeQueue: QueueDefinition = {
  name: INBOX_HISTORY_PURGE_QUEUE,
  retryLimit: 20,
  retryDelay: 2,
  expireInSeconds: 3_600,
};

export interface InboxHistoryPurgeJob {
  inboxId: string;
  accountId: string;
}
