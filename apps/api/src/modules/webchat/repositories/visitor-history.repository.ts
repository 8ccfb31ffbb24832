import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ContactIdentityEntity } from '../../contacts/entities/contact-identity.entity';
import { ContactEntity } from '../../contacts/entities/contact.entity';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { MessageEntity } from '../../messages/entities/message.entity';
import { OperatorEntity } from '../../operators/entities/operator.entity';
import { WebchatVisitorEntity } from '../entities/webchat-visitor.entity';

/** The visitor's own conversations (`:inboxId`, `:visitorKey`) and those they were merged into. */
const VISITOR_CONVERSATION_IDS = `
  SELECT vc.id FROM conversations vc JOIN contact_identities vi ON vi.id = vc.identity_id
   WHERE vi.inbox_id = :inboxId AND vi.external_id = :visitorKey
  UNION ALL
  SELECT vc.merged_into_id FROM conversations vc JOIN contact_identities vi ON vi.id = vc.identity_id
   WHERE vi.inbox_id = :inboxId AND vi.external_id = :visitorKey AND vc.merged_into_id IS NOT NULL`;

/** A message as the widget shows it: its own columns, its operator's name and its read state. */
export type VisitorMessageRecord = Pick<
  MessageEntity,
  'id' | 'direction' | 'text' | 'attachments' | 'externalId' | 'deliveryStatus' | 'createdAt'
> & {
  operatorName: OperatorEntity['name'] | null;
  /** Incoming messages among the conversation's `unreadCount` newest are not read yet. */
  unread: boolean;
};

/** The visitor's newest conversation and the name of its contact. */
export type VisitorConversation = Pick<ConversationEntity, 'id' | 'accountId' | 'contactId'> & {
  name: ContactEntity['name'];
};

/** Where a web chat conversation's widget sockets are. */
export interface ConversationVisitor {
  inboxId: string;
  visitorKey: string;
}

/**
 * What a visitor may see: the customer-facing messages (never notes or activities) of the
 * conversations of their own identity on this inbox, including replies sent by email. A message
 * that came in through another inbox (an emailed answer) is shown only when it came from the
 * address the visitor confirmed: whoever types someone else's address must not read their mail.
 * Rows are read raw (no entity hydration): these reads serve every widget open and message.
 */
@Injectable()
export class VisitorHistoryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The newest `limit` messages, newest first. */
  async listNewestMessages(
    inboxId: string,
    visitorKey: string,
    limit: number,
  ): Promise<VisitorMessageRecord[]> {
    return this.visitorMessages(inboxId, visitorKey)
      .andWhere(`m.kind = 'message'`)
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit)
      .getRawMany<VisitorMessageRecord>();
  }

  /** One message, only if it belongs to this visitor. */
  async findMessage(
    inboxId: string,
    visitorKey: string,
    messageId: string,
  ): Promise<VisitorMessageRecord | null> {
    const row = await this.visitorMessages(inboxId, visitorKey)
      .andWhere(`m.kind = 'message'`)
      .andWhere('m.id = :messageId', { messageId })
      .getRawOne<VisitorMessageRecord>();
    return row ?? null;
  }

  /** One message of this visitor by its channel id on the inbox. */
  async findMessageByExternalId(
    inboxId: string,
    visitorKey: string,
    externalId: string,
  ): Promise<VisitorMessageRecord | null> {
    const row = await this.visitorMessages(inboxId, visitorKey)
      .andWhere('m.inboxId = :inboxId')
      .andWhere('m.externalId = :externalId', { externalId })
      .getRawOne<VisitorMessageRecord>();
    return row ?? null;
  }

  /** Channel ids of our web chat messages among `messageIds` that this visitor really received. */
  async listOutboundExternalIds(
    inboxId: string,
    visitorKey: string,
    messageIds: string[],
  ): Promise<string[]> {
    const rows = await this.ofVisitor(inboxId, visitorKey)
      .innerJoin(MessageEntity, 'm', 'm.conversationId = c.id')
      .select('m.externalId', 'externalId')
      .andWhere('m.id = ANY(CAST(:messageIds AS uuid[]))', { messageIds })
      .andWhere(`m.direction = 'outgoing'`)
      .andWhere(`m.externalId LIKE 'wc-out:%'`)
      .getRawMany<{ externalId: string }>();
    return rows.map((r) => r.externalId);
  }

  async hasConversation(inboxId: string, visitorKey: string): Promise<boolean> {
    const row = await this.ofVisitor(inboxId, visitorKey)
      .select('1', 'found')
      .limit(1)
      .getRawOne<{ found: number }>();
    return row !== undefined;
  }

  async findLatestConversation(
    inboxId: string,
    visitorKey: string,
  ): Promise<VisitorConversation | null> {
    const row = await this.ofVisitor(inboxId, visitorKey)
      .innerJoin(ContactEntity, 'ct', 'ct.id = c.contactId')
      .select('c.id', 'id')
      .addSelect('c.accountId', 'accountId')
      .addSelect('c.contactId', 'contactId')
      .addSelect('ct.name', 'name')
      .andWhere('c.identityId = ci.id')
      .orderBy('c.createdAt', 'DESC')
      .limit(1)
      .getRawOne<VisitorConversation>();
    return row ?? null;
  }

  /** The inbox and visitor key of a web chat conversation; null for other channels. */
  async findVisitorOfConversation(conversationId: string): Promise<ConversationVisitor | null> {
    const row = await this.ds
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .innerJoin(ContactIdentityEntity, 'ci', 'ci.id = c.identityId')
      .innerJoin(InboxEntity, 'i', 'i.id = ci.inboxId')
      .select('ci.inboxId', 'inboxId')
      .addSelect('ci.externalId', 'visitorKey')
      .where('c.id = :conversationId', { conversationId })
      .andWhere(`i.kind = 'webchat'`)
      .getRawOne<ConversationVisitor>();
    return row ?? null;
  }

  /** Whether a file is attached to a message this visitor can see. */
  async canReadFile(inboxId: string, visitorKey: string, fileId: string): Promise<boolean> {
    const row = await this.visibleMessages(inboxId, visitorKey)
      .select('1', 'found')
      .andWhere(`m.kind = 'message'`)
      .andWhere(
        `m.attachments @> jsonb_build_array(jsonb_build_object('id', CAST(:fileId AS text)))`,
        { fileId },
      )
      .limit(1)
      .getRawOne<{ found: number }>();
    return row !== undefined;
  }

  /**
   * The conversations of the visitor's identity on the inbox, and those one of them was merged
   * into (which hold the visitor's messages now; visibleMessages shows only theirs there). The
   * ids are an uncorrelated set, so the planner reads them first and joins by primary key.
   */
  private ofVisitor(
    inboxId: string,
    visitorKey: string,
  ): SelectQueryBuilder<ContactIdentityEntity> {
    return this.ds
      .getRepository(ContactIdentityEntity)
      .createQueryBuilder('ci')
      .innerJoin(ConversationEntity, 'c', `c.id IN (${VISITOR_CONVERSATION_IDS})`)
      .where('ci.inboxId = :inboxId', { inboxId })
      .andWhere('ci.externalId = :visitorKey', { visitorKey });
  }

  /**
   * The messages of their conversations this visitor may see: their own web chat messages, the
   * operator replies meant for them, and what came in through another inbox (an emailed answer)
   * only from the address they confirmed.
   */
  private visibleMessages(
    inboxId: string,
    visitorKey: string,
  ): SelectQueryBuilder<ContactIdentityEntity> {
    const q = this.ofVisitor(inboxId, visitorKey)
      .innerJoin(MessageEntity, 'm', 'm.conversationId = c.id')
      .leftJoin(
        WebchatVisitorEntity,
        'wv',
        'wv.inboxId = ci.inboxId AND wv.visitorKey = ci.externalId',
      );
    const fromConfirmedAddress = q
      .subQuery()
      .select('1')
      .from(ContactIdentityEntity, 'sender')
      .where('sender.contactId = m.senderContactId')
      .andWhere('sender.inboxId = m.inboxId')
      .andWhere('lower(sender.externalId) = wv.email')
      .getQuery();
    // Their own words (never another customer's, merged in by an operator), replies sent to them,
    // and in their own conversation the replies to it and mail from their confirmed address; in
    // a conversation theirs was merged into, only what travelled through their identity.
    const theirs = `(m.direction = 'incoming' AND m.inboxId = ci.inboxId AND m.senderContactId = ci.contactId)`;
    // A reply in its Undo window has not left yet: the customer must not see it (nor its files).
    q.andWhere('m.undoUntil IS NULL');
    return q.andWhere(
      `(CASE WHEN c.identityId = ci.id
          THEN ${theirs}
            OR (m.direction = 'outgoing' AND (m.recipientIdentityId IS NULL OR m.recipientIdentityId = ci.id))
            OR EXISTS ${fromConfirmedAddress}
          ELSE ${theirs} OR m.recipientIdentityId = ci.id
        END)`,
    );
  }

  /**
   * Their messages as VisitorMessageRecord. `unread` counts within the rows the caller's filters
   * keep (the window runs after WHERE).
   */
  private visitorMessages(
    inboxId: string,
    visitorKey: string,
  ): SelectQueryBuilder<ContactIdentityEntity> {
    return this.visibleMessages(inboxId, visitorKey)
      .leftJoin(OperatorEntity, 'o', 'o.id = m.senderOperatorId')
      .select('m.id', 'id')
      .addSelect('m.direction', 'direction')
      .addSelect('m.text', 'text')
      .addSelect('m.attachments', 'attachments')
      .addSelect('m.externalId', 'externalId')
      .addSelect('o.name', 'operatorName')
      .addSelect('m.deliveryStatus', 'deliveryStatus')
      .addSelect('m.createdAt', 'createdAt')
      .addSelect(
        `(m.direction = 'incoming' AND ROW_NUMBER() OVER (
           PARTITION BY m.conversationId, m.direction ORDER BY m.createdAt DESC, m.id DESC
         ) <= c.unreadCount)`,
        'unread',
      );
  }
}
