import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachmentDto, ConversationStatus, MessageDirection } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';

/** One of the customer's requests, as the portal shows it. */
export interface PortalRequestRow {
  id: string;
  number: number;
  inboxId: string;
  status: ConversationStatus;
  subject: string | null;
  preview: string | null;
  assigneeName: string | null;
  lastActivityAt: Date;
}

export interface PortalMessageRow {
  id: string;
  direction: MessageDirection;
  text: string | null;
  attachments: AttachmentDto[];
  senderName: string | null;
  createdAt: Date;
}

/**
 * What a portal session may read: conversations of its contacts (merges move conversations to the
 * surviving contact; a conversation merged into another is shown as that one) and their public
 * messages only: kind `message`, never notes or activities.
 */
@Injectable()
export class PortalRequestsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private base(accountId: string, contactIds: string[]) {
    return this.ds
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .leftJoin('c.assignee', 'a')
      .select([
        'c.id',
        'c.number',
        'c.inboxId',
        'c.status',
        'c.subject',
        'c.lastMessagePreview',
        'c.lastActivityAt',
        'a.name',
      ])
      .where('c.account_id = :accountId AND c.contact_id IN (:...contactIds)', {
        accountId,
        contactIds,
      })
      .andWhere('c.merged_into_id IS NULL');
  }

  async list(accountId: string, contactIds: string[]): Promise<PortalRequestRow[]> {
    if (contactIds.length === 0) return [];
    const rows = await this.base(accountId, contactIds)
      .orderBy('c.last_activity_at', 'DESC')
      .limit(200)
      .getMany();
    return rows.map(toRow);
  }

  async find(
    accountId: string,
    contactIds: string[],
    id: string,
  ): Promise<PortalRequestRow | null> {
    if (contactIds.length === 0) return null;
    const row = await this.base(accountId, contactIds).andWhere('c.id = :id', { id }).getOne();
    return row ? toRow(row) : null;
  }

  /** The conversation's public messages, oldest first (notes and activities never leave here). */
  async publicMessages(conversationId: string): Promise<PortalMessageRow[]> {
    const rows = await this.ds
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .leftJoin('m.senderOperator', 'o')
      .select(['m.id', 'm.direction', 'm.text', 'm.attachments', 'm.createdAt', 'o.name'])
      .where("m.conversation_id = :conversationId AND m.kind = 'message'", { conversationId })
      // A reply still inside its undo-send window has not been sent yet.
      .andWhere('(m.undo_until IS NULL OR m.undo_until <= now())')
      .orderBy('m.created_at', 'ASC')
      .limit(1000)
      .getMany();
    return rows.map((m) => ({
      id: m.id,
      direction: m.direction,
      text: m.text,
      attachments: m.attachments ?? [],
      senderName: m.senderOperator?.name ?? null,
      createdAt: m.createdAt,
    }));
  }

  /** Whether the file is attached to a public message of one of these contacts' conversations. */
  async fileVisible(accountId: string, contactIds: string[], fileId: string): Promise<boolean> {
    if (contactIds.length === 0) return false;
    // raw SQL: jsonb containment on the message's attachments, joined to the contact's conversations
    const rows = (await this.ds.query(
      `SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE c.account_id = $1 AND c.contact_id = ANY($2::uuid[]) AND m.kind = 'message'
          AND m.attachments @> jsonb_build_array(jsonb_build_object('id', $3::text))
        LIMIT 1`,
      [accountId, contactIds, fileId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Where the identity of a conversation lives: the portal's reply is written as it. */
  async senderOf(conversationId: string): Promise<{ externalId: string; inboxId: string } | null> {
    const c = await this.ds
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .innerJoin('c.identity', 'i')
      .select(['c.id', 'i.externalId', 'i.inboxId'])
      .where('c.id = :conversationId', { conversationId })
      .getOne();
    return c?.identity ? { externalId: c.identity.externalId, inboxId: c.identity.inboxId } : null;
  }
}

function toRow(c: ConversationEntity): PortalRequestRow {
  return {
    id: c.id,
    number: c.number,
    inboxId: c.inboxId,
    status: c.status,
    subject: c.subject,
    preview: c.lastMessagePreview,
    assigneeName: c.assignee?.name ?? null,
    lastActivityAt: c.lastActivityAt,
  };
}
