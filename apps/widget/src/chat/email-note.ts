import type { VisitorContactDto } from '../shared/widget-wire';
import type { ChatTexts } from './i18n';

/**
 * What the follow-up form says about the visitor's address: waiting for the link to be opened, or
 * confirmed, or (nothing left yet) the prompt. A pending address wins: it is what they typed last.
 */
export function emailNote(texts: ChatTexts, contact: VisitorContactDto): string {
  if (contact.pendingEmail) return texts.emailPending(contact.pendingEmail);
  if (contact.email) return texts.emailSaved(contact.email);
  return texts.emailPrompt;
}

/** The form's `data-state`, for its look: the same order as emailNote. */
export function emailState(contact: VisitorContactDto): 'pending' | 'confirmed' | 'empty' {
  if (contact.pendingEmail) return 'pending';
  return contact.email ? 'confirmed' : 'empty';
}
