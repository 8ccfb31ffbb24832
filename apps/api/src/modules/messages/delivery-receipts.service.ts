import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { receiptOrder, type ReceiptStatus } from './delivery-transition';
import { MessageDeliveryRepository } from './message-delivery.repository';
import { MessagesRepository } from './messages.repository';
import { PendingReceiptsRepository } from './pending-receipts.repository';

/** How long a receipt for a channel id we do not know yet is kept: sends settle in minutes. */
export const PENDING_RECEIPT_TTL_MS = 24 * 60 * 60 * 1000;

export interface IncomingReceipt {
  externalId: string;
  status: ReceiptStatus;
  reason: string | null;
}

export type ReceiptResult =
  /** The message moved; its id and conversation. */
  | { kind: 'applied'; messageId: string; conversationId: string }
  /** No message of this inbox has the id yet: kept until the worker records it. */
  | { kind: 'held' }
  /** The message exists and is already at or past this status. */
  | { kind: 'unchanged' };

/**
 * Channel receipts, scoped to the inbox they arrive on: a receipt only ever touches a message sent
 * through that inbox, and one that overtakes the recording of the message's channel id waits for it.
 */
@Injectable()
export class DeliveryReceiptsService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly delivery: MessageDeliveryRepository,
    private readonly pending: PendingReceiptsRepository,
  ) {}

  /** Applies or keeps one receipt, inside the caller's transaction. */
  async receive(
    em: EntityManager,
    inbox: { id: string; accountId: string },
    receipt: IncomingReceipt,
  ): Promise<ReceiptResult> {
    await this.pending.lockChannelId(em, inbox.id, receipt.externalId);
    const moved = await this.delivery.applyReceipt(
      em,
      inbox.id,
      receipt.externalId,
      receipt.status,
      receipt.reason ?? 'Delivery failed',
    );
    if (moved)
      return { kind: 'applied', messageId: moved.id, conversationId: moved.conversation_id };
    if (await this.delivery.hasOutgoingWithExternalId(em, inbox.id, receipt.externalId))
      return { kind: 'unchanged' };
    await this.pending.deleteExpired(em, inbox.id);
    await this.pending.hold(em, {
      accountId: inbox.accountId,
      inboxId: inbox.id,
      externalId: receipt.externalId,
      status: receipt.status,
      reason: receipt.reason,
      ttlMs: PENDING_RECEIPT_TTL_MS,
    });
    return { kind: 'held' };
  }

  /** Call before recording a message's channel id, in the same transaction (see applyHeld). */
  lockChannelId(em: EntityManager, inboxId: string, externalId: string): Promise<void> {
    return this.pending.lockChannelId(em, inboxId, externalId);
  }

  /**
   * Right after a message's channel id is recorded, under lockChannelId: the receipts that arrived
   * first, applied in the order they happen (sent, delivered, read). True if the message moved.
   */
  async applyHeld(
    em: EntityManager,
    inboxId: string,
    messageId: string,
    externalId: string,
  ): Promise<boolean> {
    const held = await this.pending.take(em, inboxId, externalId);
    let moved = false;
    for (const r of held.sort((a, b) => receiptOrder(a.status, b.status))) {
      const applied = await this.delivery.applyReceiptToMessage(
        em,
        messageId,
        r.status,
        r.reason ?? 'Delivery failed',
      );
      moved = moved || applied;
    }
    return moved;
  }
}
