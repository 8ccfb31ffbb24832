import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ContactConversationDto,
  ContactDto,
  ContactListItemDto,
  CreateContactRequest,
  ListContactConversationsQuery,
  ListContactsQuery,
  Page,
  UpdateContactRequest,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { ContactAttributesRepository } from '../contact-attributes/contact-attributes.repository';
import { decodeKeyset, encodeKeyset, isUuid } from '../conversations/keyset-cursor';
import { ContactConversationsRepository } from './contact-conversations.repository';
import { ContactDirectoryRepository, type ContactListRow } from './contact-directory.repository';
import { contactFields } from './contact-fields';
import { ContactsService } from './contacts.service';
import { localeRegion } from './phone-number';

/**
 * The customer card for operators and the Contacts screen. Admins see every contact; an agent
 * sees contacts known from inboxes they may work, and those no channel has touched (see
 * `contactVisibleClause`); any other id is 404, like another account's. Any operator may create
 * and edit the contacts they see.
 */
@Injectable()
export class ContactDirectoryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly directory: ContactDirectoryRepository,
    private readonly contactConversations: ContactConversationsRepository,
    private readonly attributes: ContactAttributesRepository,
    private readonly cards: ContactsService,
  ) {}

  async card(op: AuthenticatedOperator, id: string): Promise<ContactDto> {
    await this.requireVisible(op, id);
    return this.cards.card(op.accountId, id);
  }

  async list(op: AuthenticatedOperator, q: ListContactsQuery): Promise<Page<ContactListItemDto>> {
    const rows = await this.directory.listPage(
      op,
      searchTerms(q.q),
      decodeKeyset(q.cursor),
      q.limit,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItem),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.created_key, id: last.id }) : null,
    };
  }

  async conversations(
    op: AuthenticatedOperator,
    id: string,
    q: ListContactConversationsQuery,
  ): Promise<Page<ContactConversationDto>> {
    await this.requireVisible(op, id);
    const rows = await this.contactConversations.listPage(op, id, decodeKeyset(q.cursor), q.limit);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status,
        channel: r.channel,
        inboxId: r.inbox_id,
        inboxName: r.inbox_name,
        subject: r.subject,
        lastMessagePreview: r.last_message_preview,
        lastActivityAt: r.last_activity_at.toISOString(),
      })),
      nextCursor:
        rows.length > q.limit && last ? encodeKeyset({ at: last.activity_key, id: last.id }) : null,
    };
  }

  /** Creates a contact; an email or phone another contact of the account has already is a 409. */
  async create(op: AuthenticatedOperator, body: CreateContactRequest): Promise<ContactDto> {
    const region = localeRegion(await this.directory.operatorLocale(op.id));
    const id = await this.ds.transaction(async (em) => {
      const defs = await this.attributes.list(op.accountId, em);
      const fields = contactFields(body, defs, {}, region);
      const existing = await this.directory.findByEmailsOrPhones(
        em,
        op.accountId,
        fields.email ? [fields.email] : [],
        fields.phone ? [fields.phone] : [],
      );
      const same = existing[0];
      if (same) {
        const what =
          fields.email && same.email?.toLowerCase() === fields.email ? 'email' : 'phone number';
        throw new AppException(
          'CONFLICT',
          `${same.name ?? same.email ?? same.phone} already has this ${what}`,
          { contactId: same.id, name: same.name },
        );
      }
      return this.directory.insert(em, op.accountId, fields);
    });
    return this.cards.card(op.accountId, id);
  }

  /** Edits name, email, phone, notes and attribute values; nothing changes unless all are valid. */
  async update(
    op: AuthenticatedOperator,
    id: string,
    body: UpdateContactRequest,
  ): Promise<ContactDto> {
    await this.requireVisible(op, id);
    const region = localeRegion(await this.directory.operatorLocale(op.id));
    await this.ds.transaction(async (em) => {
      const contact = await this.directory.lockOwned(em, op.accountId, id);
      if (!contact) throw notFound('Contact');
      const defs = await this.attributes.list(op.accountId, em);
      await this.directory.update(em, id, contactFields(body, defs, contact.attributes, region));
    });
    return this.cards.card(op.accountId, id);
  }

  private async requireVisible(op: AuthenticatedOperator, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.directory.isVisible(op, id))) throw notFound('Contact');
  }
}

/** Phone digits ("+49 151-23", "015123") search the number; anything else names and emails. */
function searchTerms(q: string | undefined): { text?: string; digits?: string } {
  const text = q?.trim();
  if (!text) return {};
  let digits = '';
  let other = false;
  for (const c of text) {
    if (c >= '0' && c <= '9') digits += c;
    else if (!' +-()./'.includes(c)) other = true;
  }
  if (!other && digits.length >= 3) return { digits: digits.replace(/^0+/, '') || digits };
  return { text };
}

function toListItem(r: ContactListRow): ContactListItemDto {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    channels: r.channels ?? [],
    createdAt: r.created_at.toISOString(),
    lastSeenAt: new Date(r.last_seen_at).toISOString(),
  };
}
