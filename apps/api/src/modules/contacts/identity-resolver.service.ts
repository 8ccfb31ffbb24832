import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { InboundSender } from '@switchboard/channels-core';
import type { EntityManager } from 'typeorm';
import { ContactsRepository } from './contacts.repository';

export interface ResolvedIdentity {
  id: string;
  contactId: string;
  created: boolean;
}

/**
 * Finds or creates the sender's identity in an inbox, and its contact. The upsert locks the
 * identity row until commit, so two messages from a new customer arriving at once open one
 * conversation, not two. A new identity whose email matches an existing contact joins that
 * contact's card.
 */
@Injectable()
export class IdentityResolverService {
  constructor(private readonly contacts: ContactsRepository) {}

  async resolve(
    em: EntityManager,
    inbox: { id: string; accountId: string },
    sender: InboundSender,
  ): Promise<ResolvedIdentity> {
    const email = sender.email?.trim().toLowerCase() || null;
    const byEmail = email ? await this.contacts.findByEmail(em, inbox.accountId, email) : null;
    const identity = await this.contacts.upsertIdentity(
      em,
      inbox.accountId,
      inbox.id,
      byEmail?.id ?? randomUUID(),
      sender.externalId,
      sender.name ?? null,
      { username: sender.username, language: sender.language },
    );
    const known = { name: sender.name ?? null, email, phone: sender.phone ?? null };
    if (identity.inserted && !byEmail) {
      await this.contacts.insert(em, {
        id: identity.contact_id,
        accountId: inbox.accountId,
        ...known,
      });
    } else if (known.name || known.email || known.phone) {
      await this.contacts.fillMissing(em, identity.contact_id, known);
    }
    return { id: identity.id, contactId: identity.contact_id, created: identity.inserted };
  }
}
