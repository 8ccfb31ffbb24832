import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachmentDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { MessageEntity } from '../messages/entities/message.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';

/** A reply in (or just past) its Undo window, as the release and Undo read it. */
export interface HeldReply {
  id: string;
  accountId: string;
  conversationId: string;
  senderOperatorId: string | null;
  text: string | null;
  attachments: AttachmentDto[];
  undoUntil: Date | null;
  /** Whether the Undo window has closed by the database's clock. */
  due: boolean;
}

/** Undo send: the operators' delays and the replies held in `messages.undo_until`. */
@Injectable()
export class UndoSendRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async operatorDelay(em: EntityManager, operatorId: string): Promise<number | null> {
    const row = await em
      .getRepository(OperatorEntity)
      .findOne({ select: { id: true, undoSendSeconds: true }, where: { id: operatorId } });
    return row?.undoSendSeconds ?? null;
  }

  async setOperatorDelay(operatorId: string, seconds: number): Promise<void> {
    await this.ds
      .getRepository(OperatorEntity)
      .update({ id: operatorId }, { undoSendSeconds: seconds });
  }

  /** Holds a just-stored reply for `seconds` by the database's clock (the release poll's clock). */
  async hold(em: EntityManager, messageId: string, seconds: number): Promise<void> {
    await em
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ undoUntil: () => 'clock_timestamp() + make_interval(secs => :seconds)' })
      .setParameter('seconds', seconds)
      .where('id = :messageId', { messageId })
      .execute();
  }

  /** The held reply whose window closed first, unlocked: the caller locks its conversation first. */
  async nextDue(
    em: EntityManager,
  ): Promise<Pick<MessageEntity, 'id' | 'accountId' | 'conversationId'> | null> {
    const row = await em
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select(['m.id', 'm.accountId', 'm.conversationId'])
      .where('m.undoUntil IS NOT NULL AND m.undoUntil <= clock_timestamp()')
      .orderBy('m.undoUntil', 'ASC')
      .limit(1)
      .getOne();
    return row
      ? { id: row.id, accountId: row.accountId, conversationId: row.conversationId }
      : null;
  }

  /** Where a message of the account is, unlocked (Undo locks its conversation first). */
  async findConversationOf(em: EntityManager, accountId: string, messageId: string) {
    const row = await em
      .getRepository(MessageEntity)
      .findOne({ select: { id: true, conversationId: true }, where: { id: messageId, accountId } });
    return row?.conversationId ?? null;
  }

  /**
   * The message, locked for the rest of the transaction (after its conversation, the order every
   * writer of a conversation's messages keeps), with whether its Undo window has closed.
   */
  async lock(em: EntityManager, messageId: string): Promise<HeldReply | null> {
    const row = await em
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .addSelect('m.account_id', 'accountId')
      .addSelect('m.conversation_id', 'conversationId')
      .addSelect('m.sender_operator_id', 'senderOperatorId')
      .addSelect('m.text', 'text')
      .addSelect('m.attachments', 'attachments')
      .addSelect('m.undo_until', 'undoUntil')
      .addSelect('m.undo_until <= clock_timestamp()', 'due')
      .where('m.id = :messageId', { messageId })
      .setLock('pessimistic_write')
      .getRawOne<HeldReply>();
    return row ?? null;
  }

  /** The reply leaves: no longer held. */
  async release(em: EntityManager, messageId: string): Promise<void> {
    await em.getRepository(MessageEntity).update({ id: messageId }, { undoUntil: null });
  }

  /** Undone: the reply never existed for anyone but the stream's `message.unsent`. */
  async remove(em: EntityManager, messageId: string): Promise<void> {
    await em.getRepository(MessageEntity).delete({ id: messageId });
  }
}
