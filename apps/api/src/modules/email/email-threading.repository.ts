import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeSubject } from '@switchboard/channels-email';
import type { DataSource } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';

/** How long a subject keeps a thread open for replies whose client dropped every header. */
export const SUBJECT_THREAD_WINDOW_HOURS = 14 * 24;

/** References beyond this many (the newest are last) are not looked up. */
const MAX_REFERENCES = 50;
/** Candidates read for the subject + sender fallback, most recently active first. */
const MAX_SUBJECT_CANDIDATES = 50;

/**
 * The email-specific lookups around the core's threading: which conversation the references
 * already point to, the subject + sender fallback, and the per-conversation hourly count.
 */
@Injectable()
export class EmailThreadingRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The conversation of the newest stored message (inbound or ours) named in References. */
  async findConversationByReferences(
    accountId: string,
    references: string[],
  ): Promise<string | null> {
    if (references.length === 0) return null;
    const message = await this.ds
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select(['m.id', 'm.conversationId'])
      .where('m.accountId = :accountId', { accountId })
      // One array parameter, whatever the number of references.
      .andWhere('m.externalId = ANY(:references)', {
        references: references.slice(-MAX_REFERENCES),
      })
      .orderBy('m.createdAt', 'DESC')
      .limit(1)
      .getOne();
    return message?.conversationId ?? null;
  }

  /**
   * Same sender on this inbox, same subject (ignoring Re:/Fwd: and our token), active within the
   * window; or, for someone who was only copied, a conversation whose mail had them in To or Cc.
   * A different subject never matches: a new topic is a new conversation.
   */
  async findConversationBySubjectAndSender(
    inboxId: string,
    senderExternalId: string,
    subject: string | null | undefined,
  ): Promise<string | null> {
    const wanted = normalizeSubject(subject);
    if (!wanted) return null;
    const candidates = await this.ds
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.subject'])
      .innerJoin('c.identity', 'ci')
      .where('c.inboxId = :inboxId', { inboxId })
      .andWhere('ci.inboxId = :inboxId')
      .andWhere('ci.externalId = :senderExternalId', { senderExternalId })
      .andWhere('c.lastActivityAt > now() - make_interval(hours => :hours)', {
        hours: SUBJECT_THREAD_WINDOW_HOURS,
      })
      .orderBy('c.lastActivityAt', 'DESC')
      .limit(MAX_SUBJECT_CANDIDATES)
      .getMany();
    const own = candidates.find((c) => normalizeSubject(c.subject) === wanted);
    if (own) return own.id;
    const copied = await this.conversationsCopying(inboxId, senderExternalId);
    return copied.find((c) => normalizeSubject(c.subject) === wanted)?.id ?? null;
  }

  /** Conversations of the inbox, active within the window, whose mail went To or Cc `address`. */
  private conversationsCopying(inboxId: string, address: string) {
    // Containment on the GIN index messages_email_recipients_idx, one probe per field.
    const as = (field: 'to' | 'cc') => JSON.stringify({ [field]: [{ address }] });
    return this.ds
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.subject'])
      .where('c.inboxId = :inboxId', { inboxId })
      .andWhere('c.lastActivityAt > now() - make_interval(hours => :hours)', {
        hours: SUBJECT_THREAD_WINDOW_HOURS,
      })
      .andWhere((q) => {
        const copied = q
          .subQuery()
          .select('m.conversation_id')
          .from(MessageEntity, 'm')
          .where('m.inbox_id = :inboxId')
          .andWhere('(m.email_recipients @> :asTo::jsonb OR m.email_recipients @> :asCc::jsonb)', {
            asTo: as('to'),
            asCc: as('cc'),
          });
        return `c.id IN ${copied.getQuery()}`;
      })
      .orderBy('c.lastActivityAt', 'DESC')
      .limit(MAX_SUBJECT_CANDIDATES)
      .getMany();
  }

  /** Messages received in the conversation within the last hour (the mail-loop cap). */
  async countIncomingInLastHour(conversationId: string): Promise<number> {
    const row = await this.ds
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      // count(*), not getCount()'s COUNT(DISTINCT id): no sort for a plain count.
      .select('count(*)::int', 'n')
      .where('m.conversationId = :conversationId', { conversationId })
      .andWhere(`m.direction = 'incoming'`)
      .andWhere(`m.createdAt > now() - interval '1 hour'`)
      .getRawOne<{ n: number }>();
    return row?.n ?? 0;
  }
}
