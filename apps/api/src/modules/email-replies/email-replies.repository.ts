import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmailRecipientsDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { ContactIdentityEntity } from '../contacts/entities/contact-identity.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';

/** Messages read for "Reply all", newest first: older ones add little but cost a scan. */
const MAX_THREAD_MESSAGES = 200;

/** One message of the thread as "Reply all" reads it. */
export interface ThreadAddressRow {
  direction: 'incoming' | 'outgoing';
  email_recipients: EmailRecipientsDto | null;
  /** A customer's mail: the address it came from (their identity on this inbox). */
  sender_address: string | null;
  sender_name: string | null;
}

/** The message an email reply answers, as the mail quotes it. */
export interface QuotedMessageRow {
  text: string | null;
  created_at: Date;
  author_name: string | null;
  author_address: string | null;
}

/** The conversation's customer and inbox, for the composer. */
export interface ReplyTargetRow {
  inbox_id: string;
  customer_address: string;
  customer_name: string | null;
}

/** What email replies read besides the message itself: the thread's addresses, the quote, signatures. */
@Injectable()
export class EmailRepliesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The addresses on the conversation's mail through one inbox (its own identities' addresses included). */
  threadAddresses(conversationId: string, inboxId: string): Promise<ThreadAddressRow[]> {
    return this.ds
      .createQueryBuilder(MessageEntity, 'm')
      .leftJoin(
        ContactIdentityEntity,
        'ci',
        `ci.contact_id = m.sender_contact_id AND ci.inbox_id = m.inbox_id AND m.direction = 'incoming'`,
      )
      .leftJoin('m.senderContact', 'ct')
      .select('m.direction', 'direction')
      .addSelect('m.email_recipients', 'email_recipients')
      .addSelect('ci.external_id', 'sender_address')
      .addSelect('ct.name', 'sender_name')
      .where('m.conversation_id = :conversationId AND m.inbox_id = :inboxId', {
        conversationId,
        inboxId,
      })
      .andWhere(`m.kind = 'message'`)
      .andWhere(`(m.email_recipients IS NOT NULL OR m.direction = 'incoming')`)
      .orderBy('m.created_at', 'DESC')
      .limit(MAX_THREAD_MESSAGES)
      .getRawMany<ThreadAddressRow>();
  }

  /** The conversation's own customer identity (the To of a reply) and inbox. */
  replyTarget(conversationId: string): Promise<ReplyTargetRow | undefined> {
    return this.ds
      .createQueryBuilder(ConversationEntity, 'c')
      .innerJoin('c.identity', 'ci')
      .innerJoin('c.contact', 'ct')
      .select('c.inbox_id', 'inbox_id')
      .addSelect('ci.external_id', 'customer_address')
      .addSelect('ct.name', 'customer_name')
      .where('c.id = :conversationId', { conversationId })
      .getRawOne<ReplyTargetRow>();
  }

  /**
   * The message an outgoing reply answers: the one it names (`reply_to_message_id`), else the
   * newest customer message before it through the same inbox. Undefined when there is none.
   */
  quotedFor(messageId: string): Promise<QuotedMessageRow | undefined> {
    return this.ds
      .createQueryBuilder(MessageEntity, 'q')
      .innerJoin(
        MessageEntity,
        'r',
        'r.id = :messageId AND r.conversation_id = q.conversation_id',
        {
          messageId,
        },
      )
      .leftJoin('q.senderContact', 'ct')
      .leftJoin('q.senderOperator', 'o')
      .leftJoin(
        ContactIdentityEntity,
        'ci',
        'ci.contact_id = q.sender_contact_id AND ci.inbox_id = q.inbox_id',
      )
      .select('q.text', 'text')
      .addSelect('q.created_at', 'created_at')
      .addSelect('COALESCE(ct.name, o.name)', 'author_name')
      .addSelect('COALESCE(ci.external_id, ct.email)', 'author_address')
      .where(`q.kind = 'message'`)
      .andWhere(
        `CASE WHEN r.reply_to_message_id IS NOT NULL THEN q.id = r.reply_to_message_id
          ELSE q.direction = 'incoming' AND q.inbox_id = r.inbox_id AND q.created_at < r.created_at END`,
      )
      .orderBy('q.created_at', 'DESC')
      .limit(1)
      .getRawOne<QuotedMessageRow>();
  }

  /** An operator's name, address and own signature template. */
  operatorSignature(
    operatorId: string,
  ): Promise<Pick<OperatorEntity, 'name' | 'email' | 'emailSignature'> | null> {
    return this.ds.getRepository(OperatorEntity).findOne({
      select: { name: true, email: true, emailSignature: true },
      where: { id: operatorId },
    });
  }

  async setOperatorSignature(operatorId: string, signature: string): Promise<void> {
    await this.ds
      .getRepository(OperatorEntity)
      .update({ id: operatorId }, { emailSignature: signature });
  }
}
