import { useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useLiveViewCounts } from '../hooks/use-live-view-counts';
import { useSavedViewsStore } from '../store/saved-views-store';
import { SaveViewForm } from './save-view-form';
import { SavedViewRow } from './saved-view-row';
import './saved-views.css';

/**
 * The feed's "Views" section: pinned views with their live counts, the others folded away, and
 * "Save as view" for the current filters and search.
 */
export function SavedViewsSection() {
  useLiveViewCounts();
  const views = useSavedViewsStore((s) => s.views);
  const counts = useSavedViewsStore((s) => s.counts);
  const [saving, setSaving] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const pinned = views.filter((v) => v.pinned);
  const others = views.filter((v) => !v.pinned);
  const closeForm = () => {
    setSaving(false);
    opener.current?.focus();
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-title" data-testid="saved-views">
      <div className="saved-views__header">
        <h2 id="saved-views-title" className="saved-views__title">
          {t('views.title')}
        </h2>
        <button
          type="button"
          ref={opener}
          className="button button--ghost button--small"
          data-testid="save-view-open"
          aria-expanded={saving}
          onClick={() => (saving ? closeForm() : setSaving(true))}
        >
          {t('views.save')}
        </button>
      </div>
      {saving && <SaveViewForm onDone={closeForm} />}
      {pinned.length > 0 && (
        <ul className="saved-views__list" aria-label={t('views.list_label')}>
          {pinned.map((view) => (
            <SavedViewRow key={view.id} view={view} count={counts[view.id]} />
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <details className="saved-views__more">
          <summary>{t('views.more', { count: others.length })}</summary>
          <ul className="saved-views__list">
            {others.map((view) => (
              <SavedViewRow key={view.id} view={view} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
