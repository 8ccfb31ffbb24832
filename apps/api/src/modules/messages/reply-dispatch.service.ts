import { Injectable } from '@nestjs/common';
import { previewOf } from '@switchboard/channels-core';
import type { AttachmentDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { QueueService } from '../../core/queue/queue.service';
import {
  OUTBOUND_DELIVERY_QUEUE,
  type OutboundDeliveryJob,
} from '../channels/outbound-delivery.queue';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ParticipantsService } from '../participants/participants.service';

/** A stored reply that is to leave now. */
export interface ReplyToDispatch {
  accountId: string;
  conversationId: string;
  messageId: string;
  /** The author; null if their account was deleted while the reply was held. */
  operatorId: string | null;
  text: string | null;
  attachments: Pick<AttachmentDto, 'filename'>[];
}

/**
 * The moment a reply leaves for the customer, inside the caller's transaction: its delivery job
 * (which exists exactly when this commits), the conversation's "answered" state and preview, and
 * the author as a participant. The send path calls it at once; with Undo send, ReplyReleaseService
 * calls it when the Undo window closes, so an undone reply never counts as an answer.
 */
@Injectable()
export class ReplyDispatchService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly participants: ParticipantsService,
    private readonly queue: QueueService,
  ) {}

  async dispatch(em: EntityManager, reply: ReplyToDispatch): Promise<void> {
    // Whoever answered the customer hears about the customer's next messages.
    if (reply.operatorId)
      await this.participants.addParticipant(
        em,
        reply.accountId,
        reply.conversationId,
        reply.operatorId,
        'replied',
      );
    await this.conversations.recordOutgoing(
      em,
      reply.conversationId,
      previewOf(reply.text || reply.attachments[0]?.filename),
    );
    const job: OutboundDeliveryJob = { messageId: reply.messageId, attempt: 1 };
    await this.queue.sendInTransaction(em, OUTBOUND_DELIVERY_QUEUE, job);
  }

  /** After the commit: wakes this instance's delivery worker instead of waiting for its poll. */
  nudge(): void {
    this.queue.nudge(OUTBOUND_DELIVERY_QUEUE);
  }
}
