import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { useSavedViewsStore } from '../store/saved-views-store';
import { viewQueryFromFilters } from '../store/view-query';
import { errorText } from '../../../shared/api/error-text';

/** The feed's current filters and search, saved under a name, personal or shared. */
export function SaveViewForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const query = viewQueryFromFilters(useFeedStore.getState().filters);
      const view = await useSavedViewsStore.getState().create({ name, shared, query });
      useToastStore.getState().show(t('views.save.done', { name: view.name }));
      onDone();
    } catch (err) {
      setError(t('views.error', { message: errorText(err) }));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Letters typed here are a name, not the feed's shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') onDone();
  };

  return (
    <form
      className="saved-views__form"
      aria-label={t('views.save.title')}
      data-testid="save-view-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
    >
      <label className="field">
        <span>{t('views.save.name')}</span>
        <input
          // The form opens on request: typing the name is the next thing to do.
          autoFocus
          data-testid="save-view-name"
          dir="auto"
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="saved-views__check">
        <input
          type="checkbox"
          data-testid="save-view-shared"
          checked={shared}
          onChange={(e) => setShared(e.target.checked)}
        />
        {t('views.save.shared')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="saved-views__form-actions">
        <button
          type="submit"
          className="button button--primary button--small"
          data-testid="save-view-submit"
          disabled={busy || !name.trim()}
        >
          {busy ? t('views.save.saving') : t('views.save.submit')}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          {t('views.save.cancel')}
        </button>
      </div>
    </form>
  );
}
