import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelKind, ContactDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import { notFound } from '../../core/http/app.exception';

interface ContactCardRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  created_at: Date;
  identity_id: string | null;
  inbox_id: string | null;
  channel: ChannelKind | null;
  external_id: string | null;
  display_name: string | null;
}

/** The customer card: one person with every channel handle they used. */
@Injectable()
export class ContactsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async card(accountId: string, contactId: string): Promise<ContactDto> {
    const rows = await queryRows<ContactCardRow>(
      this.ds.manager,
      `SELECT ct.id, ct.name, ct.email, ct.phone, ct.created_at, ci.id AS identity_id, ci.inbox_id,
              i.kind AS channel, ci.external_id, ci.display_name
         FROM contacts ct
         LEFT JOIN contact_identities ci ON ci.contact_id = ct.id
         LEFT JOIN inboxes i ON i.id = ci.inbox_id
        WHERE ct.id = $1 AND ct.account_id = $2
        ORDER BY ci.created_at`,
      [contactId, accountId],
    );
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
        })),
    };
  }
}
