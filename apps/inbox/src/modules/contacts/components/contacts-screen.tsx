import type { ContactListItemDto } from '@switchboard/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { formatListStamp } from '../../../i18n/format';
import { displayName, displayText } from '../../../shared/text/display-text';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { useAuthStore } from '../../auth/store/auth-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { contactsApi } from '../api/contacts-api';
import { ContactsCreateForm } from './contacts-create-form';
import { ContactsImportExport } from './contacts-import';
import '../contacts.css';
import { errorText } from '../../../shared/api/error-text';

const SEARCH_DELAY_MS = 250;

/** The Contacts screen: search, keyset pages ("Load more"), create, and CSV for admins. */
export default function ContactsScreen() {
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ContactListItemDto[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const generation = useRef(0);

  const load = useCallback(async (q: string, after: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await contactsApi.list(q, after);
      if (mine !== generation.current) return; // a newer search answered first
      setItems((old) => (after ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(errorText(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    const timer = window.setTimeout(() => void load(query, null), query ? SEARCH_DELAY_MS : 0);
    return () => window.clearTimeout(timer);
  }, [query, load]);

  const open = (id: string) => useNavigationStore.getState().go({ name: 'contact', contactId: id });

  return (
    <main
      className="contacts-screen"
      data-testid="contacts-screen"
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h1>{t('contacts.title')}</h1>
      <div className="contacts-screen__bar">
        <input
          className="input"
          type="search"
          dir="auto"
          maxLength={200}
          placeholder={t('contacts.search')}
          aria-label={t('contacts.search')}
          data-testid="contacts-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="button button--primary"
          data-testid="contacts-new"
          onClick={() => setCreating((v) => !v)}
        >
          {t('contacts.new')}
        </button>
        {isAdmin && <ContactsImportExport onImported={() => void load(query, null)} />}
      </div>
      {creating && <ContactsCreateForm onDone={() => setCreating(false)} />}
      {error && (
        <p className="form-error" role="alert">
          {t('contacts.load_error', { message: error })}
        </p>
      )}
      <table className="contacts-table" data-testid="contacts-table">
        <thead>
          <tr>
            <th>{t('contacts.col.name')}</th>
            <th>{t('contacts.col.email')}</th>
            <th>{t('contacts.col.phone')}</th>
            <th>{t('contacts.col.channels')}</th>
            <th>{t('contacts.col.last_seen')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr
              key={c.id}
              data-testid="contacts-row"
              data-contact-id={c.id}
              onClick={() => open(c.id)}
            >
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={(e) => {
                    e.stopPropagation();
                    open(c.id);
                  }}
                >
                  <bdi>{displayName(c.name, c.email ?? c.phone ?? t('contact.card.unnamed'))}</bdi>
                </button>
              </td>
              <td dir="ltr">{c.email ? displayText(c.email) : ''}</td>
              <td dir="ltr">{c.phone ?? ''}</td>
              <td>
                {c.channels.map((k) => (
                  <ChannelIcon key={k} channel={k} size={14} />
                ))}
              </td>
              <td>
                <time dateTime={c.lastSeenAt}>{formatListStamp(new Date(c.lastSeenAt))}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && items.length === 0 && !error && (
        <p className="settings-hint">{t('contacts.empty')}</p>
      )}
      {loading && <p className="settings-hint">{t('contacts.loading')}</p>}
      {cursor && !loading && (
        <button
          type="button"
          className="button"
          data-testid="contacts-more"
          onClick={() => void load(query, cursor)}
        >
          {t('contacts.load_more')}
        </button>
      )}
    </main>
  );
}
