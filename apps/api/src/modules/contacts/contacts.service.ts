import { Injectable } from '@nestjs/common';
import type { ChannelKind, ContactDto } from '@switchboard/contracts';
import { notFound } from '../../core/http/app.exception';
import { ContactsRepository } from './contacts.repository';

/** The customer card: one person with every channel handle they used. */
@Injectable()
export class ContactsService {
  constructor(private readonly repo: ContactsRepository) {}

  async card(accountId: string, contactId: string): Promise<ContactDto> {
    const rows = await this.repo.cardRows(accountId, contactId);
    const first = rows[0];
    if (!first) throw notFound('Contact');
    return {
      id: first.id,
      name: first.name,
      email: first.email,
      phone: first.phone,
      createdAt: first.created_at.toISOString(),
      identities: rows
        .filter((r) => r.identity_id)
        .map((r) => ({
          id: r.identity_id as string,
          inboxId: r.inbox_id as string,
          channel: r.channel as ChannelKind,
          externalId: r.external_id as string,
          displayName: r.display_name,
          username: r.username,
          language: r.language,
        })),
    };
  }
}
