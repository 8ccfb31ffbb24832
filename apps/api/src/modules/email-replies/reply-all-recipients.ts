import { MAX_EMAIL_COPIES, type EmailAddressDto } from '@switchboard/contracts';
import type { ThreadAddressRow } from './email-replies.repository';
import { isInboxAddress } from './inbox-address';

/**
 * The conversation's "Reply all" list, read from its mail (newest first): each customer mail's
 * From, To and Cc, and the Cc of our replies (never a Bcc: a blind copy stays blind). Without the
 * inbox's own address and the customer the reply goes to; each address once, with the first name
 * seen for it; at most MAX_EMAIL_COPIES.
 */
export function replyAllRecipients(
  rows: readonly ThreadAddressRow[],
  exclude: { customer: string; inboxAddress: string },
): EmailAddressDto[] {
  const found = new Map<string, EmailAddressDto>();
  const add = (address: string | null | undefined, name: string | null | undefined) => {
    const key = address?.trim().toLowerCase();
    if (!key || key === exclude.customer.toLowerCase()) return;
    if (isInboxAddress(key, exclude.inboxAddress)) return;
    const known = found.get(key);
    if (known) known.name ??= name || null;
    else found.set(key, { address: key, name: name || null });
  };
  for (const row of rows) {
    if (row.direction === 'incoming') add(row.sender_address, row.sender_name);
    const recipients = row.email_recipients;
    if (!recipients) continue;
    if (row.direction === 'incoming') for (const a of recipients.to ?? []) add(a.address, a.name);
    for (const a of recipients.cc) add(a.address, a.name);
  }
  return [...found.values()].slice(0, MAX_EMAIL_COPIES);
}
