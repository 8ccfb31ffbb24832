import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChannelError, type FetchAttachmentResult } from '@switchboard/channels-core';
import type { AttachmentDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import { QueueService } from '../../core/queue/queue.service';
import { FilesService } from '../../core/storage/files.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { MessagesRepository } from '../messages/messages.repository';
import { AttachmentFetchesRepository } from './attachment-fetches.repository';
import {
  ATTACHMENT_FETCH_QUEUE,
  attachmentFetchQueue,
  MAX_FETCH_ATTEMPTS,
  type AttachmentFetchJob,
} from './attachment-fetch.queue';
import { ChannelRegistryService } from './channel-registry.service';
import { MessageAliasesRepository } from './message-aliases.repository';

/**
 * Brings the files a channel announced into our storage, after their message is stored and the
 * provider answered. The message's placeholder becomes the stored file (live, as message.updated),
 * or "unavailable" with the reason when the provider will not give it (too large, gone).
 */
@Injectable()
export class AttachmentFetchWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(AttachmentFetchWorker.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: QueueService,
    private readonly registry: ChannelRegistryService,
    private readonly inboxes: InboxesService,
    private readonly files: FilesService,
    private readonly fetches: AttachmentFetchesRepository,
    private readonly aliases: MessageAliasesRepository,
    private readonly messages: MessagesRepository,
    private readonly events: EventLogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.define(attachmentFetchQueue);
    await this.queue.work<AttachmentFetchJob>(ATTACHMENT_FETCH_QUEUE, (job) =>
      this.handle(job.data),
    );
  }

  async handle(job: AttachmentFetchJob): Promise<void> {
    const fetch = await this.fetches.find(this.ds.manager, job.fetchId);
    if (!fetch || fetch.state !== 'pending') return;
    const { inbox, context } = await this.inboxes.loadContext(fetch.inboxId);
    const adapter = this.registry.get(inbox.kind);
    const result: FetchAttachmentResult = adapter.fetchAttachment
      ? await adapter.fetchAttachment(fetch.remoteRef, context).catch((err: unknown) => ({
          ok: false as const,
          error: new ChannelError('UNKNOWN', (err as Error).message),
        }))
      : {
          ok: false,
          error: new ChannelError('CONFIG_INVALID', 'This channel cannot fetch files'),
        };
    const entry = await this.aliases.attachmentOf(
      this.ds.manager,
      fetch.messageId,
      fetch.attachmentId,
    );
    if (result.ok && entry) {
      const stored = await this.files
        .store(inbox.accountId, {
          filename: entry.filename,
          contentType: result.contentType ?? entry.contentType,
          content: result.content,
        })
        .catch((err: unknown) => new ChannelError('TOO_LARGE', (err as Error).message));
      if (!(stored instanceof ChannelError)) {
        await this.settle(fetch.id, () => stored, null);
        return;
      }
      await this.settle(fetch.id, unavailable(stored.message), stored.message);
      return;
    }
    if (result.ok) return this.settle(fetch.id, (a) => a, 'The message is gone');
    const { error } = result;
    if (
      error.code === 'AUTH_FAILED' &&
      (await this.inboxes.setConnectionError(inbox.id, error.message))
    )
      this.logger.warn(`Inbox ${inbox.id}: ${error.message}`);
    if (error.retryable) {
      const attempts = await this.fetches.countAttempt(this.ds.manager, fetch.id, error.message);
      // pg-boss retries the job with backoff; the last try gives up visibly.
      if (attempts < MAX_FETCH_ATTEMPTS) throw error;
    }
    await this.settle(fetch.id, unavailable(error.message), error.message);
  }

  /** Replaces the placeholder in its message, once, and tells the stream. */
  private async settle(
    fetchId: string,
    replace: (entry: AttachmentDto) => AttachmentDto,
    error: string | null,
  ): Promise<void> {
    await this.ds.transaction(async (em) => {
      const fetch = await this.fetches.lockPending(em, fetchId);
      if (!fetch) return;
      const message = await this.aliases.lockById(em, fetch.messageId);
      if (message) {
        const attachments = message.attachments.map((a) =>
          a.id === fetch.attachmentId ? withoutPendingState(replace(a)) : a,
        );
        await this.aliases.setContent(em, message.id, { attachments });
        const dto = await this.messages.loadDto(em, message.id);
        await this.events.append(em, fetch.accountId, [
          {
            type: 'message.updated',
            conversationId: message.conversationId,
            payload: { message: dto },
          },
        ]);
      }
      await this.fetches.settle(em, fetch.id, error ? 'failed' : 'done', error);
    });
  }
}

function unavailable(reason: string) {
  return (entry: AttachmentDto): AttachmentDto => ({
    ...entry,
    status: 'unavailable',
    unavailableReason: reason,
  });
}

function withoutPendingState(a: AttachmentDto): AttachmentDto {
  if (a.status !== 'pending') return a;
  const { status: _pending, unavailableReason: _none, ...ready } = a;
  return ready;
}
