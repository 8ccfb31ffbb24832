import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind } from '@switchboard/contracts';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ConversationViewer } from '../access/conversation-viewer';
import { inboxAccessClause } from '../access/inbox-access.repository';
import type { Keyset } from '../conversations/keyset-cursor';
import { microsUtc } from '../conversations/keyset-cursor';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { ContactEntity } from './entities/contact.entity';

/** The text the search index covers; must match `contacts_search_idx` exactly. */
const SEARCH_TEXT = `lower(COALESCE(ct.name, '') || ' ' || COALESCE(ct.email, '') || ' ' || COALESCE(ct.phone, ''))`;

/**
 * Which contacts an agent may see, over `ct`: those with an identity in an inbox they may work,
 * and those no channel has touched (created by hand or imported: the account's address book).
 * A contact known only from inboxes hidden from them does not exist for them (404). Admins see
 * every contact: callers skip the clause for them.
 */
export function contactVisibleClause(): string {
  return `(NOT EXISTS (SELECT 1 FROM contact_identities vis_ci WHERE vis_ci.contact_id = ct.id)
    OR EXISTS (SELECT 1 FROM contact_identities vis_ci WHERE vis_ci.contact_id = ct.id
               AND ${inboxAccessClause('vis_ci.inbox_id')}))`;
}

export interface ContactListRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  attributes: Record<string, string | number | boolean>;
  channels: ChannelKind[] | null;
  created_at: Date;
  last_seen_at: Date;
  created_key: string;
}

export type ContactFields = Partial<
  Pick<ContactEntity, 'name' | 'email' | 'phone' | 'notes' | 'attributes'>
>;

/** The Contacts screen's reads and writes: pages, search, create, edit, CSV. */
@Injectable()
export class ContactDirectoryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Whether the viewer may see the contact (false for another account's or a hidden one). */
  async isVisible(
    viewer: ConversationViewer,
    contactId: string,
    em: EntityManager = this.ds.manager,
  ) {
    return this.visible(em.createQueryBuilder(ContactEntity, 'ct'), viewer)
      .andWhere('ct.id = :contactId', { contactId })
      .getExists();
  }

  /**
   * One keyset page, newest first; `q` matches part of the name or email (any case), or phone
   * digits. One row more than asked says "more".
   */
  listPage(
    viewer: ConversationViewer,
    q: { text?: string; digits?: string },
    after: Keyset | null,
    limit: number,
    em: EntityManager = this.ds.manager,
  ): Promise<ContactListRow[]> {
    const query = this.listQuery(em, viewer);
    // Contacts merged into another are retired: kept for undo, not listed.
    query.andWhere('ct.merged_into_id IS NULL');
    if (q.text)
      query.andWhere(`${SEARCH_TEXT} LIKE :like`, {
        like: `%${likeEscape(q.text.toLowerCase())}%`,
      });
    if (q.digits) query.andWhere(`ct.phone LIKE :phoneLike`, { phoneLike: `%${q.digits}%` });
    if (after)
      query.andWhere('(ct.created_at, ct.id) < (:at::timestamptz, :afterId::uuid)', {
        at: after.at,
        afterId: after.id,
      });
    return query
      .orderBy('ct.created_at', 'DESC')
      .addOrderBy('ct.id', 'DESC')
      .limit(limit + 1)
      .getRawMany<ContactListRow>();
  }

  /** The account's contacts with an email or phone among these (lower-cased emails, E.164 phones). */
  findByEmailsOrPhones(em: EntityManager, accountId: string, emails: string[], phones: string[]) {
    if (emails.length === 0 && phones.length === 0) return Promise.resolve([]);
    return (
      em
        .createQueryBuilder(ContactEntity, 'ct')
        .select(['ct.id AS id', 'ct.name AS name', 'ct.email AS email', 'ct.phone AS phone'])
        .where('ct.account_id = :accountId', { accountId })
        .andWhere('(lower(ct.email) = ANY(:emails) OR ct.phone = ANY(:phones))', { emails, phones })
        // A retired (merged) contact is neither a duplicate nor an import's match.
        .andWhere('ct.merged_into_id IS NULL')
        .orderBy('ct.created_at')
        .addOrderBy('ct.id')
        .getRawMany<{
          id: string;
          name: string | null;
          email: string | null;
          phone: string | null;
        }>()
    );
  }

  async insert(em: EntityManager, accountId: string, fields: ContactFields): Promise<string> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(ContactEntity)
      .values({ accountId, ...fields })
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]!.id;
  }

  /** Locks the contact for a change (another account's: null). */
  lockOwned(em: EntityManager, accountId: string, id: string) {
    return em
      .createQueryBuilder(ContactEntity, 'ct')
      .where('ct.id = :id AND ct.account_id = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(em: EntityManager, id: string, fields: ContactFields) {
    if (Object.keys(fields).length === 0) return;
    await em.getRepository(ContactEntity).update({ id }, fields);
  }

  /** The operator's locale ("de-DE"), whose region reads national phone numbers. */
  async operatorLocale(operatorId: string): Promise<string | null> {
    const row = await this.ds
      .getRepository(OperatorEntity)
      .findOne({ select: { locale: true }, where: { id: operatorId } });
    return row?.locale ?? null;
  }

  private listQuery(em: EntityManager, viewer: ConversationViewer) {
    return this.visible(em.createQueryBuilder(ContactEntity, 'ct'), viewer)
      .select([
        'ct.id AS id',
        'ct.name AS name',
        'ct.email AS email',
        'ct.phone AS phone',
        'ct.notes AS notes',
        'ct.attributes AS attributes',
        'ct.created_at AS created_at',
      ])
      .addSelect(microsUtc('ct.created_at'), 'created_key')
      .addSelect(
        `(SELECT array_agg(DISTINCT i.kind) FROM contact_identities ci JOIN inboxes i ON i.id = ci.inbox_id WHERE ci.contact_id = ct.id)`,
        'channels',
      )
      .addSelect(
        `COALESCE((SELECT max(ci.last_seen_at) FROM contact_identities ci WHERE ci.contact_id = ct.id), ct.created_at)`,
        'last_seen_at',
      );
  }

  private visible(q: SelectQueryBuilder<ContactEntity>, viewer: ConversationViewer) {
    q.where('ct.account_id = :accountId', { accountId: viewer.accountId });
    if (viewer.role !== 'admin') q.andWhere(contactVisibleClause(), { viewerId: viewer.id });
    return q;
  }
}

/** A LIKE pattern's literal text: `%`, `_` and `\` match only themselves. */
export function likeEscape(text: string): string {
  let out = '';
  for (const c of text) out += c === '%' || c === '_' || c === '\\' ? `\\${c}` : c;
  return out;
}
