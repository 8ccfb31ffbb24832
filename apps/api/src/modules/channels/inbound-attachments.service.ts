import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isRemoteAttachment, type InboundAttachment } from '@switchboard/channels-core';
import type { AttachmentDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { QueueService } from '../../core/queue/queue.service';
import { FilesService } from '../../core/storage/files.service';
import { AttachmentFetchesRepository } from './attachment-fetches.repository';
import { ATTACHMENT_FETCH_QUEUE, type AttachmentFetchJob } from './attachment-fetch.queue';

/** A file the provider keeps, shown as "pending" until the fetch job brings its bytes. */
export interface RemoteFile {
  attachmentId: string;
  ref: string;
  uniqueId: string;
}

export interface PreparedAttachments {
  /** What the message stores: our files, and placeholders for the remote ones. */
  attachments: AttachmentDto[];
  remote: RemoteFile[];
}

/**
 * The files of an inbound message. Bytes that came with it are stored before its transaction (a
 * rollback leaves an orphan file, never a message pointing at missing bytes); files the provider
 * keeps are placeholders, fetched by a job enqueued in the same transaction as the message.
 */
@Injectable()
export class InboundAttachmentsService {
  constructor(
    private readonly files: FilesService,
    private readonly fetches: AttachmentFetchesRepository,
    private readonly queue: QueueService,
  ) {}

  async prepare(accountId: string, inbound: InboundAttachment[]): Promise<PreparedAttachments> {
    const attachments: AttachmentDto[] = [];
    const remote: RemoteFile[] = [];
    const seen = new Set<string>();
    for (const a of inbound) {
      if (!isRemoteAttachment(a)) {
        attachments.push(await this.files.store(accountId, a));
        continue;
      }
      if (seen.has(a.remote.uniqueId)) continue;
      seen.add(a.remote.uniqueId);
      const attachmentId = randomUUID();
      attachments.push({
        id: attachmentId,
        filename: a.filename,
        contentType: a.contentType,
        size: a.remote.size ?? 0,
        url: '',
        status: 'pending',
      });
      remote.push({ attachmentId, ref: a.remote.ref, uniqueId: a.remote.uniqueId });
    }
    return { attachments, remote };
  }

  /** Records the fetches of a stored message and enqueues them with it (same transaction). */
  async scheduleFetches(
    em: EntityManager,
    ids: { accountId: string; inboxId: string; messageId: string },
    remote: RemoteFile[],
  ): Promise<void> {
    const created = await this.fetches.insert(
      em,
      remote.map((r) => ({
        ...ids,
        attachmentId: r.attachmentId,
        remoteRef: r.ref,
        uniqueId: r.uniqueId,
      })),
    );
    for (const fetchId of created) {
      const job: AttachmentFetchJob = { fetchId };
      await this.queue.sendInTransaction(em, ATTACHMENT_FETCH_QUEUE, job);
    }
  }

  /** Wakes this instance's fetch worker once the transaction that enqueued work has committed. */
  nudge(): void {
    this.queue.nudge(ATTACHMENT_FETCH_QUEUE);
  }
}
