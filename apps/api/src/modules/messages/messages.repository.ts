import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Activity,
  AttachmentDto,
  EmailRecipientsDto,
  MentionDto,
  MessageDto,
  MessageSourcePageDto,
} from '@switchboard/contracts';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { CachedQuery } from '../../core/database/cached-query';
import { microsUtc, type Keyset } from '../conversations/keyset-cursor';
import { StoredFileEntity } from '../../core/storage/entities/stored-file.entity';
import { MessageEntity } from './entities/message.entity';
import { toMessageDto, type MessageRow } from './message.mapper';

interface ConversationRef {
  id: string;
  accountId: string;
  inboxId: string;
}

export interface NewIncomingMessage {
  accountId: string;
  conversationId: string;
  inboxId: string;
  senderContactId: string;
  text: string | null;
  html: string | null;
  attachments: AttachmentDto[];
  externalId: string;
  editedAt?: Date | null;
  /** The message the customer quoted (ours or theirs), when it is stored. */
  replyToMessageId?: string | null;
  /** Automatic mail: stored, never answered by an automation rule. */
  automated?: boolean;
  /** Email: the mail's To and Cc. */
  emailRecipients?: EmailRecipientsDto | null;
  /** Web chat: the page the visitor wrote from. */
  sourcePage?: MessageSourcePageDto | null;
}

export interface NewOperatorMessage {
  accountId: string;
  conversationId: string;
  inboxId: string;
  kind: 'message' | 'note';
  senderOperatorId: string;
  text: string;
  attachments: AttachmentDto[];
  clientMessageId: string | null;
  /** Only ever set on notes. */
  mentions: MentionDto[];
  /** A customer message of the same conversation this reply answers. */
  replyToMessageId?: string | null;
  /** The approved template it is sent as. */
  template?: { id: string; variables: Record<string, string> } | null;
  /** "Reply via": the customer identity it goes to when not the conversation's own. */
  recipientIdentityId?: string | null;
  /** Email: the reply's Cc and Bcc. */
  emailRecipients?: EmailRecipientsDto | null;
}

/** Messages: the timeline, inserts that a unique key keeps idempotent, and delivery status. */
@Injectable()
export class MessagesRepository {
  /** The timeline and single-message reads run on every change: their SQL is built once. */
  private readonly hot = new CachedQuery();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async loadDto(em: EntityManager, id: string): Promise<MessageDto> {
    const [row] = await this.hot.rows<MessageRow>(
      em,
      'message',
      () => this.timelineQuery(em).where('m.id = :id'),
      { id },
    );
    if (!row) throw new Error(`Message ${id} vanished inside its transaction`);
    return toMessageDto(row);
  }

  /** One keyset page of a conversation's timeline, newest first; one row more than asked says "more". */
  listTimelinePage(conversationId: string, before: Keyset | null, limit: number) {
    return this.hot.rows<MessageRow & { created_key: string }>(
      this.ds.manager,
      `timeline:${before ? 'before' : 'first'}:${limit}`,
      () => {
        const q = this.timelineQuery(this.ds.manager)
          .addSelect(microsUtc('m.created_at'), 'created_key')
          .where('m.conversation_id = :conversationId');
        if (before) q.andWhere('(m.created_at, m.id) < (:at::timestamptz, :beforeId::uuid)');
        return q
          .orderBy('m.created_at', 'DESC')
          .addOrderBy('m.id', 'DESC')
          .limit(limit + 1);
      },
      { conversationId, at: before?.at, beforeId: before?.id },
    );
  }

  /** Stores a customer message once: null when the channel id is already stored (a redelivery). */
  async insertIncoming(
    em: EntityManager,
    m: NewIncomingMessage,
  ): Promise<{ id: string; createdAt: Date } | null> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({ ...m, direction: 'incoming', kind: 'message', senderType: 'contact' })
      .orIgnore()
      .returning('id, created_at')
      .updateEntity(false)
      .execute();
    const row = (result.raw as { id: string; created_at: Date }[])[0];
    return row ? { id: row.id, createdAt: row.created_at } : null;
  }

  /** Stores an operator reply or note once per client id: null when that id is already stored. */
  async insertFromOperator(em: EntityManager, m: NewOperatorMessage): Promise<string | null> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        ...m,
        direction: 'outgoing',
        senderType: 'operator',
        deliveryStatus: m.kind === 'note' ? null : 'pending',
      })
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  /** Writes a system activity ("Anna snoozed until Mon 09:00") into the timeline. */
  async insertActivity(
    em: EntityManager,
    conv: ConversationRef,
    activity: Activity,
  ): Promise<MessageDto> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({
        accountId: conv.accountId,
        conversationId: conv.id,
        inboxId: conv.inboxId,
        direction: 'outgoing',
        kind: 'activity',
        senderType: 'system',
        activity,
      })
      .returning('id')
      .updateEntity(false)
      .execute();
    return this.loadDto(em, (result.raw as { id: string }[])[0]!.id);
  }

  /**
   * Many system activities at once (a batch of wake-ups or reminders), one per entry, in one
   * statement; returns their DTOs in the order given.
   */
  async insertActivities(
    em: EntityManager,
    entries: { conv: ConversationRef; activity: Activity }[],
  ): Promise<MessageDto[]> {
    if (entries.length === 0) return [];
    // Ids chosen here, so each DTO is matched to its entry without relying on RETURNING's order.
    const ids = entries.map(() => randomUUID());
    // raw SQL: unnest inserts the whole batch in one statement (a snooze storm wakes thousands a
    // second; the query builder would bind every column of every row as its own parameter).
    await em.query(
      `INSERT INTO messages (id, account_id, conversation_id, inbox_id, direction, kind, sender_type, activity)
       SELECT e.id, e.account_id, e.conversation_id, e.inbox_id, 'outgoing', 'activity', 'system', e.activity
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::jsonb[])
              WITH ORDINALITY AS e(id, account_id, conversation_id, inbox_id, activity, ord)
        ORDER BY e.ord`,
      [
        ids,
        entries.map((e) => e.conv.accountId),
        entries.map((e) => e.conv.id),
        entries.map((e) => e.conv.inboxId),
        entries.map((e) => JSON.stringify(e.activity)),
      ],
    );
    const rows = await this.hot.rows<MessageRow>(
      em,
      'messages',
      () => this.timelineQuery(em).where('m.id = ANY(:ids)'),
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.id, toMessageDto(r)]));
    return ids.map((id) => {
      const dto = byId.get(id);
      if (!dto) throw new Error(`Message ${id} vanished inside its transaction`);
      return dto;
    });
  }

  /**
   * A mail the system sent itself (an automatic acknowledgement) as a message in its conversation, inside the caller's
   * transaction. Its id, or null when a message with that external id is already stored.
   */
  async insertSystemReply(
    em: EntityManager,
    message: {
      accountId: string;
      conversationId: string;
      inboxId: string;
      text: string;
      externalId: string;
    },
  ): Promise<string | null> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(MessageEntity, [
        'accountId',
        'conversationId',
        'inboxId',
        'direction',
        'kind',
        'senderType',
        'text',
        'externalId',
        'deliveryStatus',
      ])
      .values({
        ...message,
        direction: 'outgoing',
        kind: 'message',
        senderType: 'system',
        deliveryStatus: 'sent',
      })
      // A system reply with this outgoing channel id is already stored: keep it (DO NOTHING).
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    const rows = result.raw as Array<Pick<MessageEntity, 'id'>>;
    return rows[0]?.id ?? null;
  }

  /** Whether `messageId` is a message of the conversation (a client's "last seen" must be). */
  async isInConversation(em: EntityManager, conversationId: string, messageId: string) {
    return em.getRepository(MessageEntity).existsBy({ id: messageId, conversationId });
  }

  /**
   * The newest reply another operator sent the customer after `lastSeenId` in timeline order
   * (notes and activities never leave, so they never collide), or null.
   */
  async newestReplyByOthersAfter(
    em: EntityManager,
    conversationId: string,
    lastSeenId: string,
    operatorId: string,
  ): Promise<MessageDto | null> {
    const row = await this.timelineQuery(em)
      .innerJoin(MessageEntity, 'seen', 'seen.id = :lastSeenId', { lastSeenId })
      .where('m.conversation_id = :conversationId', { conversationId })
      .andWhere("m.direction = 'outgoing' AND m.kind = 'message'")
      .andWhere('m.sender_operator_id IS NOT NULL AND m.sender_operator_id <> :operatorId', {
        operatorId,
      })
      .andWhere('(m.created_at, m.id) > (seen.created_at, seen.id)')
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(1)
      .getRawOne<MessageRow>();
    return row ? toMessageDto(row) : null;
  }

  findIdByClientMessageId(em: EntityManager, conversationId: string, clientMessageId: string) {
    return em
      .getRepository(MessageEntity)
      .findOne({ select: { id: true }, where: { conversationId, clientMessageId } });
  }

  lockForAccount(em: EntityManager, accountId: string, id: string) {
    return em
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select(['m.id', 'm.conversationId', 'm.deliveryStatus'])
      .where('m.id = :id AND m.accountId = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The account's files among `ids`, to attach to a reply. */
  attachableFiles(em: EntityManager, accountId: string, ids: string[]) {
    return em.getRepository(StoredFileEntity).findBy({ accountId, id: In(ids) });
  }

  private timelineQuery(em: EntityManager): SelectQueryBuilder<MessageEntity> {
    return em
      .createQueryBuilder(MessageEntity, 'm')
      .innerJoin('m.inbox', 'i')
      .leftJoin('m.senderOperator', 'o')
      .leftJoin('m.senderContact', 'ct')
      .leftJoin('m.replyToMessage', 'rm')
      .select('m.id', 'id')
      .addSelect('m.conversation_id', 'conversation_id')
      .addSelect('m.direction', 'direction')
      .addSelect('m.kind', 'kind')
      .addSelect('m.sender_type', 'sender_type')
      .addSelect('m.sender_operator_id', 'sender_operator_id')
      .addSelect('m.sender_contact_id', 'sender_contact_id')
      .addSelect('COALESCE(o.name, ct.name)', 'sender_name')
      .addSelect('m.text', 'text')
      .addSelect('m.html', 'html')
      .addSelect('m.attachments', 'attachments')
      .addSelect('m.activity', 'activity')
      .addSelect('m.mentions', 'mentions')
      .addSelect('m.delivery_status', 'delivery_status')
      .addSelect('m.failure_reason', 'failure_reason')
      .addSelect('i.kind', 'channel')
      .addSelect('m.created_at', 'created_at')
      .addSelect('m.external_id', 'external_id')
      .addSelect('m.edited_at', 'edited_at')
      .addSelect('m.reply_to_message_id', 'reply_to_id')
      .addSelect('m.template', 'template')
      .addSelect('m.automated', 'automated')
      .addSelect('m.email_recipients', 'email_recipients')
      .addSelect('m.source_page', 'source_page')
      .addSelect('m.undo_until', 'undo_until')
      .addSelect('left(rm.text, 200)', 'reply_to_text');
  }
}
