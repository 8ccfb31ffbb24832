import { Injectable } from '@nestjs/common';
import type { ContactMergeReason, ContactMergeSuggestionDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { notFound } from '../../../core/http/app.exception';
import { ContactMergeReadsRepository, type CandidateRow } from './contact-merge-reads.repository';
import { ContactMergeRepository } from './contact-merge.repository';
import { displayPhoneKey, phoneMatchKey } from './phone-match-key';

/**
 * Contacts of the same account that look like the same person: the same email address
 * (case-insensitive, trimmed), the same phone number whatever its spelling (see phoneMatchKey),
 * or an address one of their widget visitors typed. These are only offered: nothing here joins
 * two contacts, because anyone can type anyone's address or number into a widget.
 */
@Injectable()
export class ContactMergeSuggestionsService {
  constructor(
    private readonly contacts: ContactMergeRepository,
    private readonly reads: ContactMergeReadsRepository,
  ) {}

  async suggestions(
    op: AuthenticatedOperator,
    contactId: string,
  ): Promise<ContactMergeSuggestionDto[]> {
    const [contact] = await this.contacts.findContacts(op, [contactId]);
    if (!contact) throw notFound('Contact');
    // A retired contact's card lives on in the one it was merged into.
    if (contact.mergedIntoId) return [];

    const found = new Map<string, { candidate: CandidateRow; reasons: ContactMergeReason[] }>();
    const add = <R extends CandidateRow>(rows: R[], reasonOf: (row: R) => ContactMergeReason) => {
      for (const row of rows) {
        const entry = found.get(row.id) ?? { candidate: row, reasons: [] };
        const reason = reasonOf(row);
        if (!entry.reasons.some((r) => sameReason(r, reason))) entry.reasons.push(reason);
        found.set(row.id, entry);
      }
    };

    const email = contact.email?.trim().toLowerCase() || null;
    if (email) {
      add(await this.reads.contactsByEmails(op, [email], contact.id), () => ({
        kind: 'email',
        value: email,
      }));
      const typedByOthers = await this.reads.contactsWhoseVisitorsTyped(op, email, contact.id);
      add(typedByOthers, (row) => ({
        kind: 'widget_email',
        value: email,
        confirmed: row.confirmed,
      }));
    }
    const key = phoneMatchKey(contact.phone);
    if (key) {
      add(await this.reads.contactsByPhoneKey(op, key, contact.id), () => ({
        kind: 'phone',
        value: displayPhoneKey(key),
      }));
    }
    for (const typed of await this.reads.typedEmailsOf(contact.id)) {
      if (typed.email === email) continue;
      add(await this.reads.contactsByEmails(op, [typed.email], contact.id), () => ({
        kind: 'widget_email',
        value: typed.email,
        confirmed: typed.confirmed,
      }));
    }

    const channels = await this.reads.channelsOf([...found.keys()]);
    return [...found.values()].map(({ candidate, reasons }) => ({
      contact: {
        id: candidate.id,
        name: candidate.name,
        email: candidate.email,
        phone: candidate.phone,
        channels: channels.get(candidate.id) ?? [],
      },
      reasons,
    }));
  }
}

function sameReason(a: ContactMergeReason, b: ContactMergeReason): boolean {
  return a.kind === b.kind && a.value === b.value;
}
