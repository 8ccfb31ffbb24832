import type { ContactDto } from '@switchboard/contracts';
import type { ContactCardRow } from './contacts.repository';
import { phoneCountry } from './phone-number';

/** Channels whose handle is the customer's phone number. */
const PHONE_CHANNELS = new Set(['whatsapp']);

/** The card from its rows (one per identity), or null for none. */
export function toContactDto(rows: ContactCardRow[]): ContactDto | null {
  const first = rows[0];
  if (!first) return null;
  const identities = rows
    .filter((r) => r.identity_id)
    .map((r) => ({
      id: r.identity_id as string,
      inboxId: r.inbox_id as string,
      inboxName: r.inbox_name ?? '',
      channel: r.channel!,
      externalId: r.external_id as string,
      displayName: r.display_name,
      username: r.username,
      language: r.language,
      country:
        r.channel && PHONE_CHANNELS.has(r.channel) ? phoneCountry(bareNumber(r.external_id)) : null,
      unreachableReason: r.unreachable_reason,
      lastSeenAt: (r.last_seen_at ?? first.created_at).toISOString(),
    }));
  const recentFirst = [...identities].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  const languages = unique(recentFirst.map((i) => i.language));
  const countries = unique([phoneCountry(first.phone), ...recentFirst.map((i) => i.country)]);
  return {
    id: first.id,
    name: first.name,
    email: first.email,
    phone: first.phone,
    notes: first.notes,
    attributes: first.attributes ?? {},
    createdAt: first.created_at.toISOString(),
    lastSeenAt: recentFirst[0]?.lastSeenAt ?? first.created_at.toISOString(),
    languages,
    countries,
    identities,
  };
}

/** "whatsapp:+4915…" → "+4915…" (Twilio names the channel before the number). */
function bareNumber(handle: string | null): string | null {
  return handle ? handle.slice(handle.indexOf(':') + 1) : null;
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}
