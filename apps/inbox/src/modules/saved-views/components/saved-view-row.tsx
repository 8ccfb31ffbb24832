import type { SavedViewDto } from '@switchboard/contracts';
import { useRef, useState } from 'react';
import { t, tp } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';
import { filtersFromViewQuery, filtersShowView } from '../store/view-query';
import { SavedViewActions } from './saved-view-actions';

interface Props {
  view: SavedViewDto;
  /** Pinned views show their live count; undefined while not yet counted. */
  count?: number | null;
}

/** One view: a button that shows it in the feed (pressed while shown), its count, its actions. */
export function SavedViewRow({ view, count }: Props) {
  const active = useFeedStore((s) => filtersShowView(s.filters, view.query));
  const [acting, setActing] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const close = () => {
    setActing(false);
    more.current?.focus();
  };

  return (
    <li className="saved-view" data-testid="saved-view" data-view-name={view.name}>
      <button
        type="button"
        className="saved-view__apply"
        aria-pressed={active}
        title={view.shared ? t('views.shared_by', { name: view.ownerName }) : undefined}
        onClick={() => useFeedStore.getState().setFilters(filtersFromViewQuery(view.query))}
      >
        <bdi className="saved-view__name">{view.name}</bdi>
        {view.shared && <span className="saved-view__shared">{t('views.shared_badge')}</span>}
        {view.pinned && (
          <span className="saved-view__count">
            <span aria-hidden="true" data-testid="saved-view-count">
              {typeof count === 'number' ? count : '–'}
            </span>
            <span className="visually-hidden">
              {typeof count === 'number'
                ? tp('views.count_label', count)
                : t('views.count_unknown')}
            </span>
          </span>
        )}
      </button>
      {view.editable && (
        <button
          type="button"
          ref={more}
          className="icon-button saved-view__more"
          data-testid="saved-view-more"
          aria-expanded={acting}
          aria-label={t('views.actions', { name: view.name })}
          onClick={() => setActing((open) => !open)}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
      {acting && <SavedViewActions view={view} onClose={close} />}
    </li>
  );
}
