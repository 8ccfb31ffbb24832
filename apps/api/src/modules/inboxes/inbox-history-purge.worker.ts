import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { InboxLock } from '../../core/database/inbox-lock.repository';
import { EventLogService } from '../../core/events/event-log.service';
import { QueueService } from '../../core/queue/queue.service';
import { FilesService } from '../../core/storage/files.service';
import type { InboxEntity } from './entities/inbox.entity';
import {
  INBOX_HISTORY_PURGE_QUEUE,
  inboxHistoryPurgeQueue,
  type InboxHistoryPurgeJob,
} from './inbox-history-purge.queue';
import { InboxHistoryRepository } from './inbox-history.repository';
import { InboxesRepository } from './inboxes.repository';

/** The pull loop that may still hold a removed inbox, by the lock purpose it takes. */
const PULL_LOCKS: Partial<Record<InboxEntity['kind'], string>> = {
  email: 'email-sync',
  telegram: 'telegram-poll',
};

export interface PurgeResult {
  conversations: number;
  files: number;
}

/**
 * Deletes the history of an inbox an admin removed with "delete its conversations" (the typed
 * name confirmed it): conversations with everything that hangs off them, the stream events that
 * carried their content (rewritten as `conversation.deleted`, so cursors stay gap-free), and the
 * files no other message or canned reply uses. One transaction per batch; the bytes of a batch's
 * files go after it commits. It starts once no pull loop holds the inbox any more and the other
 * instances' cached view of it has expired, so nothing new lands in it while it runs.
 */
@Injectable()
export class InboxHistoryPurgeWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(InboxHistoryPurgeWorker.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly inboxes: InboxesRepository,
    private readonly history: InboxHistoryRepository,
    private readonly events: EventLogService,
    private readonly files: FilesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.define(inboxHistoryPurgeQueue);
    await this.queue.work<InboxHistoryPurgeJob>(INBOX_HISTORY_PURGE_QUEUE, async (job) => {
      await this.purge(job.data);
    });
  }

  /** Enqueued inside the transaction that removes the inbox: the purge exists exactly when it does. */
  schedule(em: EntityManager, inbox: Pick<InboxEntity, 'id' | 'accountId'>): Promise<void> {
    const job: InboxHistoryPurgeJob = { inboxId: inbox.id, accountId: inbox.accountId };
    return this.queue.sendInTransaction(em, INBOX_HISTORY_PURGE_QUEUE, job, {
      startAfter: new Date(Date.now() + this.config.INBOX_PURGE_DELAY_MS),
    });
  }

  async purge(job: InboxHistoryPurgeJob): Promise<PurgeResult> {
    const inbox = await this.inboxes.find(this.ds.manager, job.inboxId, job.accountId);
    // Only ever the history of a removed inbox.
    if (!inbox?.removedAt) {
      this.logger.warn(`History purge of inbox ${job.inboxId} refused: it is not removed`);
      return { conversations: 0, files: 0 };
    }
    const lock = await this.pullLock(inbox);
    try {
      const result: PurgeResult = { conversations: 0, files: 0 };
      for (;;) {
        const batch = await this.ds.transaction((em) => this.purgeBatch(em, inbox));
        if (batch.conversations === 0) break;
        result.conversations += batch.conversations;
        const failed = await this.files.deleteBytes(batch.storageKeys);
        result.files += batch.storageKeys.length - failed.length;
        if (failed.length > 0)
          this.logger.warn(`Inbox ${inbox.id}: could not delete stored files ${failed.join(', ')}`);
      }
      await this.ds.transaction((em) => this.history.deleteEmailRecords(em, inbox.id));
      this.logger.log(
        `Inbox ${inbox.id}: deleted ${result.conversations} conversations and ${result.files} files`,
      );
      return result;
    } finally {
      await lock?.release();
    }
  }

  private async purgeBatch(em: EntityManager, inbox: InboxEntity) {
    const ids = await this.history.lockBatch(em, inbox.id, this.config.INBOX_PURGE_BATCH_SIZE);
    if (ids.length === 0) return { conversations: 0, storageKeys: [] };
    const fileIds = await this.history.attachedFileIds(em, ids);
    await this.history.redactEvents(em, inbox.accountId, ids);
    const conversations = await this.history.deleteConversations(em, ids);
    const storageKeys = await this.history.deleteUnusedFiles(em, inbox.accountId, fileIds);
    // Without a conversation id: the stream's access filter could no longer place it, and every
    // operator who may have it on screen must hear that it is gone.
    await this.events.append(
      em,
      inbox.accountId,
      ids.map((conversationId) => ({
        type: 'conversation.deleted' as const,
        conversationId: null,
        payload: { conversationId },
      })),
    );
    return { conversations, storageKeys };
  }

  /**
   * The inbox's pull lock (its IMAP sync, its Telegram poller): held while the purge runs, so no
   * loop that has not heard of the removal yet can add to the history. Held elsewhere: try later.
   */
  private async pullLock(inbox: InboxEntity): Promise<InboxLock | null> {
    const purpose = PULL_LOCKS[inbox.kind];
    if (!purpose) return null;
    const lock = await InboxLock.tryAcquire(this.config.DATABASE_URL, inbox.id, purpose);
    if (!lock) throw new Error(`inbox ${inbox.id} is still being synced; the purge waits`);
    return lock;
  }
}
