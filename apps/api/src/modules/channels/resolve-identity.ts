import { randomUUID } from 'node:crypto';
import type { InboundSender } from '@switchboard/channels-core';
import type { EntityManager } from 'typeorm';
import { queryOne } from '../../core/database/sql-rows';

export interface ResolvedIdentity {
  id: string;
  contactId: string;
  created: boolean;
}

/**
 * Finds or creates the sender's identity in this inbox, and its contact. The upsert locks the
 * identity row until commit, so two messages from a new customer arriving at once open one
 * conversation, not two. A new identity whose email matches an existing contact joins that
 * contact's card.
 */
export async function resolveIdentity(
  em: EntityManager,
  inbox: { id: string; account_id: string },
  sender: InboundSender,
): Promise<ResolvedIdentity> {
  const email = sender.email?.trim().toLowerCase() || null;
  const byEmail = email
    ? await queryOne<{ id: string }>(
        em,
        'SELECT id FROM contacts WHERE account_id = $1 AND lower(email) = $2 ORDER BY created_at LIMIT 1',
        [inbox.account_id, email],
      )
    : null;
  const candidateContactId = byEmail?.id ?? randomUUID();
  const identity = await queryOne<{ id: string; contact_id: string; inserted: boolean }>(
    em,
    `INSERT INTO contact_identities (account_id, contact_id, inbox_id, external_id, display_name)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (inbox_id, external_id) DO UPDATE
       SET last_seen_at = now(), display_name = COALESCE(EXCLUDED.display_name, contact_identities.display_name)
     RETURNING id, contact_id, (xmax = 0) AS inserted`,
    [inbox.account_id, candidateContactId, inbox.id, sender.externalId, sender.name ?? null],
  );
  if (!identity) throw new Error('Identity upsert returned nothing');
  if (identity.inserted && !byEmail) {
    await em.query(
      'INSERT INTO contacts (id, account_id, name, email, phone) VALUES ($1, $2, $3, $4, $5)',
      [identity.contact_id, inbox.account_id, sender.name ?? null, email, sender.phone ?? null],
    );
  } else if (sender.name || email || sender.phone) {
    // Fill in what the card did not know yet; never overwrite what an operator may have edited.
    await em.query(
      `UPDATE contacts SET name = COALESCE(name, $2), email = COALESCE(email, $3), phone = COALESCE(phone, $4),
              updated_at = now()
        WHERE id = $1 AND (name IS NULL OR email IS NULL OR phone IS NULL)`,
      [identity.contact_id, sender.name ?? null, email, sender.phone ?? null],
    );
  }
  return { id: identity.id, contactId: identity.contact_id, created: identity.inserted };
}
