import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChannelError, type OutboundMessage, type SendResult } from '@switchboard/channels-core';
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { EventLogService } from '../../core/events/event-log.service';
import { QueueService } from '../../core/queue/queue.service';
import { FilesService } from '../../core/storage/files.service';
import { MessagesRepository, type OutboundMessageRow } from '../messages/messages.repository';
import { InboxesService } from '../inboxes/inboxes.service';
import { ChannelRegistryService } from './channel-registry.service';
import {
  OUTBOUND_DELIVERY_QUEUE,
  OUTBOUND_DELIVERY_QUEUE_DEFINITION,
  type OutboundDeliveryJob,
} from './outbound-delivery.queue';

type OutboundRow = OutboundMessageRow;

/**
 * Sends stored outgoing messages through their conversation's channel. One job per message; the
 * message id is the idempotency key, and a message that is no longer pending is never sent again.
 */
@Injectable()
export class OutboundDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboundDeliveryWorker.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: QueueService,
    private readonly registry: ChannelRegistryService,
    private readonly inboxes: InboxesService,
    private readonly events: EventLogService,
    private readonly files: FilesService,
    private readonly messages: MessagesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.define(OUTBOUND_DELIVERY_QUEUE_DEFINITION);
    await this.queue.work<OutboundDeliveryJob>(OUTBOUND_DELIVERY_QUEUE, (job) => this.handle(job));
  }

  async handle(job: PgBoss.JobWithMetadata<OutboundDeliveryJob>): Promise<void> {
    const row = await this.messages.findOutbound(job.data.messageId);
    // Deleted, a note, or already sent/failed: nothing to do (a redelivered job is harmless).
    if (!row || row.kind !== 'message' || row.delivery_status !== 'pending') return;

    const { inbox, context } = await this.inboxes.loadContext(row.conv_inbox_id);
    const adapter = this.registry.get(inbox.kind);
    const outbound = this.outbound(row, await this.messages.threadExternalIds(row.conversation_id));
    const result = await this.sendSafely(() => adapter.send(outbound, context));
    if (result.ok) {
      await this.transition(row, 'sent', null, result.externalId);
      return;
    }
    const lastAttempt = job.retryCount >= job.retryLimit;
    if (result.error.retryable && !lastAttempt) {
      await this.messages.noteRetrying(row.id, `Retrying: ${result.error.message}`);
      // Throwing hands the job back to pg-boss, which retries it with exponential backoff.
      throw result.error;
    }
    this.logger.warn(`Message ${row.id} failed on ${inbox.kind}: ${result.error.message}`);
    await this.transition(row, 'failed', result.error.message, null);
  }

  private outbound(row: OutboundRow, threadExternalIds: string[]): OutboundMessage {
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
      })),
    };
  }

  private async sendSafely(send: () => Promise<SendResult>): Promise<SendResult> {
    try {
      return await send();
    } catch (err) {
      // An adapter that throws instead of returning is a bug, but the message must not be lost.
      return { ok: false, error: new ChannelError('UNKNOWN', (err as Error).message) };
    }
  }

  private async transition(
    row: OutboundRow,
    to: 'sent' | 'failed',
    reason: string | null,
    externalId: string | null,
  ) {
    await this.ds.transaction(async (em) => {
      if (!(await this.messages.completeSend(em, row.id, to, reason, externalId))) return;
      const message = await this.messages.loadDto(em, row.id);
      await this.events.append(em, row.account_id, [
        { type: 'message.updated', conversationId: row.conversation_id, payload: { message } },
      ]);
    });
  }
}
