import { t } from '../../i18n/i18n';
import { displayName } from './display-text';

/** How a customer is named everywhere in the inbox: their name, else their handle, never blank. */
export function contactName(contact: { name: string | null; handle: string | null }): string {
  return displayName(contact.name, displayName(contact.handle, t('feed.row.unknown_contact')));
}
