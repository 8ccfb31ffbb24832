import type { ContactMergeDto } from '@switchboard/contracts';
import { useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useContactMergeStore } from './contact-merge-store';
import { errorText } from '../../../shared/api/error-text';

/** The merges this card took part in; "Undo" where the server says this operator may. */
export function MergeHistory({ contactId }: { contactId: string }) {
  const merges = useContactMergeStore((s) => s.history[contactId]);
  if (!merges || merges.length === 0) return null;
  return (
    <section className="contact-card__section" aria-label={t('contact_merge.history')}>
      <h3>{t('contact_merge.history')}</h3>
      <ul className="contact-merge__list" data-testid="contact-merge-history">
        {merges.map((m) => (
          <MergeRow key={m.id} contactId={contactId} merge={m} />
        ))}
      </ul>
    </section>
  );
}

function MergeRow({ contactId, merge }: { contactId: string; merge: ContactMergeDto }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unnamed = t('contact_merge.unnamed');
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await useContactMergeStore.getState().undo(contactId, merge.id);
      useToastStore.getState().show(t('contact_merge.history.undone_toast'));
    } catch (err) {
      setError(t('contact_merge.history.undo_failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      data-testid="contact-merge-history-row"
      data-merge-id={merge.id}
      data-undone={merge.undoneAt !== null}
    >
      <span>
        {t('contact_merge.history.merged', {
          other: displayName(merge.other.name, unnamed),
          survivor: displayName(merge.survivor.name, unnamed),
          actor: merge.mergedBy?.name ?? t('contact_merge.someone'),
          date: formatFullDateTime(new Date(merge.mergedAt)),
        })}
      </span>
      {merge.undoneAt && (
        <span className="settings-hint">
          {t('contact_merge.history.undone', {
            actor: merge.undoneBy?.name ?? t('contact_merge.someone'),
            date: formatFullDateTime(new Date(merge.undoneAt)),
          })}
        </span>
      )}
      {merge.canUndo && (
        <span className="contact-merge__undo">
          <button
            type="button"
            className="button button--small"
            data-testid="contact-merge-undo"
            disabled={busy}
            onClick={() => void undo()}
          >
            {busy ? t('contact_merge.history.undoing') : t('contact_merge.history.undo')}
          </button>
          <span className="settings-hint">
            {t('contact_merge.history.undo_until', {
              date: formatFullDateTime(new Date(merge.undoableUntil)),
            })}
          </span>
        </span>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
