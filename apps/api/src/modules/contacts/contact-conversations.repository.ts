import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind, ConversationStatus } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessFilter } from '../access/inbox-access.repository';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { microsUtc, type Keyset } from '../conversations/keyset-cursor';

export interface ContactConversationRow {
  id: string;
  number: number;
  status: ConversationStatus;
  channel: ChannelKind;
  inbox_id: string;
  inbox_name: string;
  subject: string | null;
  last_message_preview: string | null;
  last_activity_at: Date;
  activity_key: string;
}

/** Every conversation of one contact, on any channel, in the inboxes the viewer may see. */
@Injectable()
export class ContactConversationsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One keyset page, newest activity first (over `conversations_contact_idx`); one row extra says "more". */
  listPage(
    viewer: ConversationViewer,
    contactId: string,
    after: Keyset | null,
    limit: number,
  ): Promise<ContactConversationRow[]> {
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = this.ds.manager
      .createQueryBuilder(ConversationEntity, 'c')
      .innerJoin('c.inbox', 'i')
      .select([
        'c.id AS id',
        'c.number AS number',
        'c.status AS status',
        'i.kind AS channel',
        'c.inbox_id AS inbox_id',
        'i.name AS inbox_name',
        'c.subject AS subject',
        'c.last_message_preview AS last_message_preview',
        'c.last_activity_at AS last_activity_at',
      ])
      .addSelect(microsUtc('c.last_activity_at'), 'activity_key')
      .where('c.contact_id = :contactId AND c.account_id = :accountId', {
        contactId,
        accountId: viewer.accountId,
      });
    if (access.clause) q.andWhere(access.clause, access.params);
    if (after)
      q.andWhere('(c.last_activity_at, c.id) < (:at::timestamptz, :afterId::uuid)', {
        at: after.at,
        afterId: after.id,
      });
    return q
      .orderBy('c.last_activity_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<ContactConversationRow>();
  }
}
