import { Injectable } from '@nestjs/common';
import type { ContactDto } from '@switchboard/contracts';
import { notFound } from '../../core/http/app.exception';
import { toContactDto } from './contact-card.mapper';
import { ContactsRepository } from './contacts.repository';

/** The customer card: one person with every channel handle they used. */
@Injectable()
export class ContactsService {
  constructor(private readonly repo: ContactsRepository) {}

  /** The card of a contact of the account (access is the caller's to check). */
  async card(accountId: string, contactId: string): Promise<ContactDto> {
    const card = toContactDto(await this.repo.cardRows(accountId, contactId));
    if (!card) throw notFound('Contact');
    return card;
  }
}
