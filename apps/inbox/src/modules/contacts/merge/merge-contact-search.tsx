import type { ContactListItemDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { displayName, displayText } from '../../../shared/text/display-text';
import { contactsApi } from '../api/contacts-api';
import { errorText } from '../../../shared/api/error-text';

/** How long typing must pause before the list is asked. */
const SEARCH_DELAY_MS = 250;

/** "Merge with…": find any other contact by name, email or phone and pick it. */
export function MergeContactSearch({
  contactId,
  onPick,
}: {
  contactId: string;
  onPick: (otherId: string) => void;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ContactListItemDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text) return setFound(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      contactsApi
        .list(text, null, 10)
        .then((page) => {
          if (controller.signal.aborted) return;
          setError(null);
          setFound(page.items.filter((c) => c.id !== contactId));
        })
        .catch((err: unknown) => {
          if (!controller.signal.aborted)
            setError(t('contact_merge.search_failed', { message: errorText(err) }));
        });
    }, SEARCH_DELAY_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [q, contactId]);

  return (
    <div className="contact-merge__search">
      <label className="field">
        <span>{t('contact_merge.search_label')}</span>
        <input
          type="search"
          data-testid="contact-merge-search"
          placeholder={t('contact_merge.search_placeholder')}
          maxLength={200}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </label>
      {error && <p className="form-error">{error}</p>}
      {found && found.length === 0 && (
        <p className="settings-hint">{t('contact_merge.search_empty')}</p>
      )}
      {found && found.length > 0 && (
        <ul className="contact-merge__list" data-testid="contact-merge-search-results">
          {found.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="contact-merge__candidate"
                data-testid="contact-merge-search-result"
                data-contact-id={c.id}
                onClick={() => onPick(c.id)}
              >
                <bdi>{displayName(c.name, c.email ?? c.phone ?? t('contact_merge.unnamed'))}</bdi>
                <span dir="ltr">{displayText([c.email, c.phone].filter(Boolean).join(' · '))}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
