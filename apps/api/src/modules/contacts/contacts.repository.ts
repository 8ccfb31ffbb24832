import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ContactIdentityEntity } from './entities/contact-identity.entity';
import { ContactEntity } from './entities/contact.entity';

export interface ContactCardRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  attributes: Record<string, string | number | boolean>;
  created_at: Date;
  identity_id: string | null;
  inbox_name: string | null;
  unreachable_reason: string | null;
  last_seen_at: Date | null;
  inbox_id: string | null;
  channel: ChannelKind | null;
  external_id: string | null;
  display_name: string | null;
  username: string | null;
  language: string | null;
}

export interface UpsertedIdentity {
  id: string;
  contact_id: string;
  inserted: boolean;
}

/** Contacts and their channel identities. */
@Injectable()
export class ContactsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The contact with each identity as one row (a contact without identities: one row of nulls). */
  cardRows(accountId: string, contactId: string) {
    return this.ds
      .createQueryBuilder(ContactEntity, 'ct')
      .leftJoin(ContactIdentityEntity, 'ci', 'ci.contact_id = ct.id')
      .leftJoin('ci.inbox', 'i')
      .select('ct.id', 'id')
      .addSelect('ct.name', 'name')
      .addSelect('ct.email', 'email')
      .addSelect('ct.phone', 'phone')
      .addSelect('ct.notes', 'notes')
      .addSelect('ct.attributes', 'attributes')
      .addSelect('ct.created_at', 'created_at')
      .addSelect('ci.id', 'identity_id')
      .addSelect('ci.inbox_id', 'inbox_id')
      .addSelect('i.kind', 'channel')
      .addSelect('i.name', 'inbox_name')
      .addSelect('ci.unreachable_reason', 'unreachable_reason')
      .addSelect('ci.last_seen_at', 'last_seen_at')
      .addSelect('ci.external_id', 'external_id')
      .addSelect('ci.display_name', 'display_name')
      .addSelect('ci.username', 'username')
      .addSelect('ci.language', 'language')
      .where('ct.id = :contactId AND ct.account_id = :accountId', { contactId, accountId })
      .orderBy('ci.created_at')
      .getRawMany<ContactCardRow>();
  }

  /**
   * Records whether the customer can be reached on this identity (null reason: they can). The
   * identity's id when that changed, null when it was already so or is unknown.
   */
  async setReachability(
    em: EntityManager,
    inboxId: string,
    externalId: string,
    unreachableReason: string | null,
  ): Promise<string | null> {
    const result = await em
      .createQueryBuilder()
      .update(ContactIdentityEntity)
      .set({
        unreachableReason,
        unreachableSince: unreachableReason ? () => 'now()' : null,
      })
      .where('inbox_id = :inboxId AND external_id = :externalId', { inboxId, externalId })
      .andWhere('unreachable_reason IS DISTINCT FROM :unreachableReason', { unreachableReason })
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  /** The account's oldest contact with this (lower-cased) email. */
  findByEmail(em: EntityManager, accountId: string, email: string) {
    return (
      em
        .getRepository(ContactEntity)
        .createQueryBuilder('ct')
        .select('ct.id')
        .where('ct.account_id = :accountId AND lower(ct.email) = :email', { accountId, email })
        // A contact merged into another is retired: new identities join the one it lives on in.
        .andWhere('ct.merged_into_id IS NULL')
        .orderBy('ct.created_at')
        .limit(1)
        .getOne()
    );
  }

  /** The account's oldest contact with this phone number (in +E.164 form). */
  findByPhone(em: EntityManager, accountId: string, phone: string) {
    return (
      em
        .getRepository(ContactEntity)
        .createQueryBuilder('ct')
        .select('ct.id')
        .where('ct.account_id = :accountId AND ct.phone = :phone', { accountId, phone })
        // A contact merged into another is retired: new identities join the one it lives on in.
        .andWhere('ct.merged_into_id IS NULL')
        .orderBy('ct.created_at')
        .limit(1)
        .getOne()
    );
  }

  /**
   * Finds or creates the sender's identity in an inbox. The upsert locks the row until commit, so
   * racing first messages from one new customer resolve to one identity (and one conversation).
   */
  async upsertIdentity(
    em: EntityManager,
    accountId: string,
    inboxId: string,
    candidateContactId: string,
    externalId: string,
    displayName: string | null,
    profile: { username?: string | null; language?: string | null } = {},
  ): Promise<UpsertedIdentity> {
    // raw SQL: ON CONFLICT … DO UPDATE with COALESCE(EXCLUDED…) and `xmax = 0` (was it inserted?)
    // in one statement; the builder can say neither.
    const rows = (await em.query(
      `INSERT INTO contact_identities
         (account_id, contact_id, inbox_id, external_id, display_name, username, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (inbox_id, external_id) DO UPDATE
         SET last_seen_at = now(),
             display_name = COALESCE(EXCLUDED.display_name, contact_identities.display_name),
             username = COALESCE(EXCLUDED.username, contact_identities.username),
             language = COALESCE(EXCLUDED.language, contact_identities.language)
       RETURNING id, contact_id, (xmax = 0) AS inserted`,
      [
        accountId,
        candidateContactId,
        inboxId,
        externalId,
        displayName,
        profile.username ?? null,
        profile.language ?? null,
      ],
    )) as UpsertedIdentity[];
    if (!rows[0]) throw new Error('Identity upsert returned nothing');
    return rows[0];
  }

  async insert(
    em: EntityManager,
    contact: Pick<ContactEntity, 'id' | 'accountId' | 'name' | 'email' | 'phone'>,
  ) {
    await em.getRepository(ContactEntity).insert(contact);
  }

  /** Fills in what the card did not know yet; never overwrites what an operator may have edited. */
  async fillMissing(
    em: EntityManager,
    id: string,
    known: { name: string | null; email: string | null; phone: string | null },
  ) {
    await em
      .createQueryBuilder()
      .update(ContactEntity)
      .set({
        name: () => 'COALESCE(name, :name)',
        email: () => 'COALESCE(email, :email)',
        phone: () => 'COALESCE(phone, :phone)',
      })
      .where('id = :id AND (name IS NULL OR email IS NULL OR phone IS NULL)', { id, ...known })
      .execute();
  }
}
