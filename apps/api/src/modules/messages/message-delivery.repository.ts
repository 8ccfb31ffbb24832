import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboundButton } from '@switchboard/channels-core';
import type { AttachmentDto, DeliveryStatus, EmailRecipientsDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CsatSurveyEntity } from '../csat/entities/csat-survey.entity';
import { MessageEntity } from './entities/message.entity';
import { deliveryTransitionSql, type ReceiptStatus } from './delivery-transition';

/** An outgoing message as the delivery worker's bookkeeping sees it, under its row lock. */
export interface DeliveryRow {
  id: string;
  account_id: string;
  inbox_id: string;
  conversation_id: string;
  kind: string;
  delivery_status: DeliveryStatus | null;
}

/** The outgoing key was violated: a channel answered with an id another message of the inbox has. */
export function isDuplicateOutgoingId(err: unknown): boolean {
  const driverError = (err as { driverError?: { code?: unknown; constraint?: unknown } } | null)
    ?.driverError;
  return (
    driverError?.code === '23505' && driverError.constraint === 'messages_outgoing_external_key'
  );
}

/** What the delivery worker needs to send one message: it, its conversation and its recipient. */
export interface OutboundMessageRow {
  id: string;
  account_id: string;
  conversation_id: string;
  delivery_status: DeliveryStatus | null;
  kind: string;
  text: string | null;
  attachments: AttachmentDto[];
  operator_name: string | null;
  conv_inbox_id: string;
  number: number;
  subject: string | null;
  recipient_external_id: string;
  recipient_name: string | null;
  recipient_email: string | null;
  recipient_phone: string | null;
  /** The channel id of the customer message this reply answers, if any. */
  reply_to_external_id: string | null;
  template: { id: string; variables: Record<string, string> } | null;
  /** Buttons under the message (a survey's ratings), from `csat_surveys`. */
  buttons: OutboundButton[][] | null;
  /** Who wrote it; null for what Switchboard sends itself (a survey). */
  sender_operator_id: string | null;
  /** Email: the Cc and Bcc the operator chose. */
  email_recipients: EmailRecipientsDto | null;
}

/**
 * The delivery side of outgoing messages: what the worker sends, the row lock its bookkeeping
 * takes, and the status moves of sends and receipts (forward only, see delivery-transition).
 */
@Injectable()
export class MessageDeliveryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A failed or uncertain message goes back to pending, for a deliberate retry or resend. */
  async markPending(em: EntityManager, id: string) {
    await em
      .getRepository(MessageEntity)
      .update({ id }, { deliveryStatus: 'pending', failureReason: null });
  }

  /**
   * Locks an outgoing message for the delivery worker's bookkeeping (claiming or finishing an
   * attempt): changes to one message's delivery serialise on its row.
   */
  lockForDelivery(em: EntityManager, id: string): Promise<DeliveryRow | undefined> {
    return em
      .createQueryBuilder(MessageEntity, 'm')
      .select('m.id', 'id')
      .addSelect('m.account_id', 'account_id')
      .addSelect('m.inbox_id', 'inbox_id')
      .addSelect('m.conversation_id', 'conversation_id')
      .addSelect('m.kind', 'kind')
      .addSelect('m.delivery_status', 'delivery_status')
      .where('m.id = :id', { id })
      .setLock('pessimistic_write')
      .getRawOne<DeliveryRow>();
  }

  /** Shown while the queue retries: the message stays pending. */
  async noteRetrying(em: EntityManager, id: string, reason: string) {
    await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ failureReason: reason, updatedAt: () => 'updated_at' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Ends a send as sent (with the channel's id), failed or uncertain, only from one of `from`;
   * false if the message had moved on. Recording an id another of the inbox's outgoing messages
   * already has violates `messages_outgoing_external_key` (see isDuplicateOutgoingId).
   */
  async settleSend(
    em: EntityManager,
    id: string,
    to: 'sent' | 'failed' | 'uncertain',
    reason: string | null,
    externalId: string | null,
    from: readonly DeliveryStatus[] = ['pending'],
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({
        deliveryStatus: to,
        failureReason: reason,
        ...(externalId ? { externalId } : {}),
      })
      .where('id = :id AND delivery_status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * A channel receipt for one of our messages sent through this inbox, applied only if it moves the
   * status forward (see delivery-transition.ts). Returns the message it moved, if any.
   */
  async applyReceipt(
    em: EntityManager,
    inboxId: string,
    externalId: string,
    status: ReceiptStatus,
    reason: string,
  ): Promise<{ id: string; conversation_id: string } | null> {
    const result = await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({
        deliveryStatus: status,
        failureReason: () => `CASE WHEN :status = 'failed' THEN :reason ELSE failure_reason END`,
      })
      .where(`inbox_id = :inboxId AND external_id = :externalId AND direction = 'outgoing'`)
      .andWhere(deliveryTransitionSql(':status'))
      .setParameters({ inboxId, externalId, status, reason })
      .returning('id, conversation_id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string; conversation_id: string }[])[0] ?? null;
  }

  /** The same, for a receipt held until the message's channel id was recorded. */
  async applyReceiptToMessage(
    em: EntityManager,
    id: string,
    status: ReceiptStatus,
    reason: string,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({
        deliveryStatus: status,
        failureReason: () => `CASE WHEN :status = 'failed' THEN :reason ELSE failure_reason END`,
      })
      .where('id = :id')
      .andWhere(deliveryTransitionSql(':status'))
      .setParameters({ id, status, reason })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Whether one of the inbox's outgoing messages carries this channel id. */
  hasOutgoingWithExternalId(em: EntityManager, inboxId: string, externalId: string) {
    return em.getRepository(MessageEntity).existsBy({ inboxId, externalId, direction: 'outgoing' });
  }

  /**
   * The conversation's earlier channel ids on one inbox, oldest first (email threads by
   * reference; a merged conversation's other channels have ids of their own).
   */
  async threadExternalIds(conversationId: string, inboxId: string): Promise<string[]> {
    const rows = await this.ds
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select('m.external_id', 'external_id')
      .where('m.conversation_id = :conversationId AND m.external_id IS NOT NULL', {
        conversationId,
      })
      .andWhere('m.inbox_id = :inboxId', { inboxId })
      // Notes never leave: nothing of theirs may reach a customer's mail headers.
      .andWhere(`m.kind = 'message'`)
      .orderBy('m.created_at')
      .limit(100)
      .getRawMany<{ external_id: string }>();
    return rows.map((r) => r.external_id);
  }

  findOutbound(id: string) {
    return (
      this.ds
        .createQueryBuilder(MessageEntity, 'm')
        .innerJoin('m.conversation', 'c')
        .innerJoin('c.identity', 'ci')
        .innerJoin('c.contact', 'ct')
        // "Reply via": another identity of the customer than the conversation's own.
        .leftJoin('m.recipientIdentity', 'ri')
        .leftJoin('ri.contact', 'rct')
        .leftJoin('m.senderOperator', 'o')
        .leftJoin('m.replyToMessage', 'rm')
        .select('m.id', 'id')
        .addSelect('m.account_id', 'account_id')
        .addSelect('m.conversation_id', 'conversation_id')
        .addSelect('m.delivery_status', 'delivery_status')
        .addSelect('m.kind', 'kind')
        .addSelect('m.text', 'text')
        .addSelect('m.attachments', 'attachments')
        .addSelect('o.name', 'operator_name')
        .addSelect('COALESCE(ri.inbox_id, c.inbox_id)', 'conv_inbox_id')
        .addSelect('c.number', 'number')
        .addSelect('c.subject', 'subject')
        .addSelect('COALESCE(ri.external_id, ci.external_id)', 'recipient_external_id')
        // Through another identity: its own address (the channel falls back to its external id).
        .addSelect('CASE WHEN ri.id IS NULL THEN ct.name ELSE rct.name END', 'recipient_name')
        .addSelect('CASE WHEN ri.id IS NULL THEN ct.email END', 'recipient_email')
        .addSelect('CASE WHEN ri.id IS NULL THEN ct.phone ELSE rct.phone END', 'recipient_phone')
        // A channel can quote only its own messages (after a merge, the quoted one may be elsewhere).
        .addSelect(
          'CASE WHEN rm.inbox_id = COALESCE(ri.inbox_id, c.inbox_id) THEN rm.external_id END',
          'reply_to_external_id',
        )
        .addSelect('m.template', 'template')
        .addSelect('m.sender_operator_id', 'sender_operator_id')
        .addSelect('m.email_recipients', 'email_recipients')
        .leftJoin(CsatSurveyEntity, 'cs', 'cs.message_id = m.id')
        .addSelect('cs.buttons', 'buttons')
        .where('m.id = :id', { id })
        .getRawOne<OutboundMessageRow>()
    );
  }
}
