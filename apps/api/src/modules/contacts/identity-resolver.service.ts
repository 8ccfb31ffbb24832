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
    const phone = normalizedPhone(sender.phone);
    // The same person on another channel: their email, else their phone number (WhatsApp, SMS).
    const known =
      (email ? await this.contacts.findByEmail(em, inbox.accountId, email) : null) ??
      (phone ? await this.contacts.findByPhone(em, inbox.accountId, phone) : null);
    const identity = await this.contacts.upsertIdentity(
      em,
      inbox.accountId,
      inbox.id,
      known?.id ?? randomUUID(),
      sender.externalId,
      sender.name ?? null,
      { username: sender.username, language: sender.language },
    );
    const card = { name: sender.name ?? null, email, phone: phone ?? sender.phone ?? null };
    if (identity.inserted && !known) {
      await this.contacts.insert(em, {
        id: identity.contact_id,
        accountId: inbox.accountId,
        ...card,
      });
    } else if (card.name || card.email || card.phone) {
      await this.contacts.fillMissing(em, identity.contact_id, card);
    }
    return { id: identity.id, contactId: identity.contact_id, created: identity.inserted };
  }
}

/** "+4915112345678" from any spelling of an international number; null when it is not one. */
export function normalizedPhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = '';
  for (const c of raw) if (c >= '0' && c <= '9') digits += c;
  const international = raw.trim().startsWith('+') || raw.trim().startsWith('00');
  if (raw.trim().startsWith('00')) digits = digits.slice(2);
  return international && digits.length >= 7 && digits.length <= 15 ? `+${digits}` : null;
}
