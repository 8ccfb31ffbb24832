import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind, ConversationStatus } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { inboxAccessFilter } from '../../access/inbox-access.repository';
import type { ConversationViewer } from '../../access/conversation-viewer';
import { ConversationEntity } from '../../conversations/entities/conversation.entity';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';
import { WebchatVisitorEntity } from '../../webchat/entities/webchat-visitor.entity';
import { contactVisibleClause } from '../contact-directory.repository';
import { ContactIdentityEntity } from '../entities/contact-identity.entity';
import { ContactEntity } from '../entities/contact.entity';

export interface MergeIdentityRow {
  id: string;
  channel: ChannelKind;
  inbox_name: string;
  external_id: string;
  display_name: string | null;
}

export interface MergeConversationRow {
  id: string;
  number: number;
  status: ConversationStatus;
  channel: ChannelKind;
  subject: string | null;
  last_activity_at: Date;
}

export interface CandidateRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** An address a widget visitor of this contact typed, and whether they confirmed it. */
export interface TypedEmailRow {
  email: string;
  confirmed: boolean;
}

/** The reads behind the merge preview and the merge suggestions. */
@Injectable()
export class ContactMergeReadsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  identitiesOf(contactId: string): Promise<MergeIdentityRow[]> {
    return this.ds
      .createQueryBuilder(ContactIdentityEntity, 'ci')
      .innerJoin(InboxEntity, 'i', 'i.id = ci.inbox_id')
      .select('ci.id', 'id')
      .addSelect('i.kind', 'channel')
      .addSelect('i.name', 'inbox_name')
      .addSelect('ci.external_id', 'external_id')
      .addSelect('ci.display_name', 'display_name')
      .where('ci.contact_id = :contactId', { contactId })
      .orderBy('ci.created_at')
      .addOrderBy('ci.id')
      .getRawMany<MergeIdentityRow>();
  }

  async identityCount(contactId: string): Promise<number> {
    return this.ds.getRepository(ContactIdentityEntity).countBy({ contactId });
  }

  /** How many conversations the contact has, by status (every inbox). */
  async conversationCounts(contactId: string): Promise<Record<ConversationStatus, number>> {
    const rows = await this.ds
      .createQueryBuilder(ConversationEntity, 'c')
      .select('c.status', 'status')
      .addSelect('count(*)::int', 'count')
      .where('c.contact_id = :contactId', { contactId })
      .groupBy('c.status')
      .getRawMany<{ status: ConversationStatus; count: number }>();
    const counts: Record<ConversationStatus, number> = { open: 0, snoozed: 0, closed: 0 };
    for (const r of rows) counts[r.status] = r.count;
    return counts;
  }

  /** The contact's conversations the viewer may open, newest first. */
  visibleConversations(
    viewer: ConversationViewer,
    contactId: string,
    limit: number,
  ): Promise<MergeConversationRow[]> {
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = this.ds
      .createQueryBuilder(ConversationEntity, 'c')
      .innerJoin(InboxEntity, 'i', 'i.id = c.inbox_id')
      .select('c.id', 'id')
      .addSelect('c.number', 'number')
      .addSelect('c.status', 'status')
      .addSelect('i.kind', 'channel')
      .addSelect('c.subject', 'subject')
      .addSelect('c.last_activity_at', 'last_activity_at')
      .where('c.contact_id = :contactId', { contactId });
    if (access.clause) q.andWhere(access.clause, access.params);
    return q
      .orderBy('c.last_activity_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit)
      .getRawMany<MergeConversationRow>();
  }

  /** How many of the contact's conversations the viewer may open. */
  async visibleConversationCount(viewer: ConversationViewer, contactId: string): Promise<number> {
    const access = inboxAccessFilter(viewer, 'c.inbox_id');
    const q = this.ds
      .createQueryBuilder(ConversationEntity, 'c')
      .where('c.contact_id = :contactId', { contactId });
    if (access.clause) q.andWhere(access.clause, access.params);
    return q.getCount();
  }

  /** Live contacts of the account with one of these (lower-case) emails. */
  contactsByEmails(viewer: ConversationViewer, emails: string[], excludeId: string) {
    if (emails.length === 0) return Promise.resolve([]);
    return this.candidates(viewer, excludeId)
      .andWhere('lower(ct.email) IN (:...emails)', { emails })
      .getRawMany<CandidateRow>();
  }

  /** Live contacts of the account whose phone has this key (`sb_phone_key`, indexed). */
  contactsByPhoneKey(viewer: ConversationViewer, key: string, excludeId: string) {
    return this.candidates(viewer, excludeId)
      .andWhere('ct.phone IS NOT NULL')
      .andWhere('sb_phone_key(ct.phone) = :key', { key })
      .getRawMany<CandidateRow>();
  }

  /** The addresses this contact's widget visitors typed (confirmed or still pending). */
  async typedEmailsOf(contactId: string): Promise<TypedEmailRow[]> {
    const rows = await this.ds
      .createQueryBuilder(ContactIdentityEntity, 'ci')
      .innerJoin(
        WebchatVisitorEntity,
        'wv',
        'wv.inbox_id = ci.inbox_id AND wv.visitor_key = ci.external_id',
      )
      .select('wv.email', 'email')
      .addSelect('wv.pending_email', 'pending_email')
      .where('ci.contact_id = :contactId', { contactId })
      .andWhere('(wv.email IS NOT NULL OR wv.pending_email IS NOT NULL)')
      .getRawMany<{ email: string | null; pending_email: string | null }>();
    const typed: TypedEmailRow[] = [];
    for (const r of rows) {
      if (r.email) typed.push({ email: r.email.toLowerCase(), confirmed: true });
      if (r.pending_email) typed.push({ email: r.pending_email.toLowerCase(), confirmed: false });
    }
    return typed;
  }

  /** Live contacts of the account whose widget visitors typed this address. */
  contactsWhoseVisitorsTyped(viewer: ConversationViewer, email: string, excludeId: string) {
    return this.candidates(viewer, excludeId)
      .innerJoin(ContactIdentityEntity, 'ci', 'ci.contact_id = ct.id')
      .innerJoin(
        WebchatVisitorEntity,
        'wv',
        'wv.inbox_id = ci.inbox_id AND wv.visitor_key = ci.external_id',
      )
      .addSelect('wv.email IS NOT NULL AND wv.email = :email', 'confirmed')
      .andWhere('(wv.email = :email OR wv.pending_email = :email)', { email })
      .getRawMany<CandidateRow & { confirmed: boolean }>();
  }

  /** The channels each of these contacts wrote from. */
  async channelsOf(contactIds: string[]): Promise<Map<string, ChannelKind[]>> {
    const byContact = new Map<string, ChannelKind[]>();
    if (contactIds.length === 0) return byContact;
    const rows = await this.ds
      .createQueryBuilder(ContactIdentityEntity, 'ci')
      .innerJoin(InboxEntity, 'i', 'i.id = ci.inbox_id')
      .select('ci.contact_id', 'contact_id')
      .addSelect('i.kind', 'channel')
      .distinct(true)
      .where('ci.contact_id IN (:...contactIds)', { contactIds })
      .getRawMany<{ contact_id: string; channel: ChannelKind }>();
    for (const r of rows)
      byContact.set(r.contact_id, [...(byContact.get(r.contact_id) ?? []), r.channel]);
    return byContact;
  }

  /** Live contacts of the viewer's account they may see (the Contacts screen's rule), but one. */
  private candidates(viewer: ConversationViewer, excludeId: string) {
    const q = this.ds
      .createQueryBuilder(ContactEntity, 'ct')
      .select('ct.id', 'id')
      .addSelect('ct.name', 'name')
      .addSelect('ct.email', 'email')
      .addSelect('ct.phone', 'phone')
      .where('ct.account_id = :accountId AND ct.id <> :excludeId', {
        accountId: viewer.accountId,
        excludeId,
      })
      .andWhere('ct.merged_into_id IS NULL')
      .limit(20);
    if (viewer.role !== 'admin') q.andWhere(contactVisibleClause(), { viewerId: viewer.id });
    return q;
  }
}
