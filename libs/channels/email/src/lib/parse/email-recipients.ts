import type { AddressObject, ParsedMail } from 'mailparser';
import type { InboundMessageEvent } from '@switchboard/channels-core';

type Recipients = NonNullable<InboundMessageEvent['recipients']>;
type Address = Recipients['to'][number];

/** More than this many addresses in To or Cc are not kept (a mail to a whole list). */
const MAX_PER_FIELD = 100;

/**
 * A mail's To and Cc as the message keeps them: lower-case addresses (groups opened, entries
 * without an `@` dropped, each address once per field) with their display names. The core builds
 * the conversation's "Reply all" list from these.
 */
export function recipientsOf(mail: Pick<ParsedMail, 'to' | 'cc'>): Recipients {
  return { to: addressesOf(mail.to), cc: addressesOf(mail.cc) };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  const seen = new Set<string>();
  for (const obj of [field ?? []].flat()) {
    for (const entry of obj.value.flatMap((v) => (v.group ? v.group : [v]))) {
      const address = entry.address?.trim().toLowerCase();
      if (!address || !address.includes('@') || address.length > 254 || seen.has(address)) continue;
      seen.add(address);
      out.push({ address, name: entry.name?.trim().slice(0, 255) || null });
      if (out.length >= MAX_PER_FIELD) return out;
    }
  }
  return out;
}
