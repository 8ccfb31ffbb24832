import type { SavedViewDto, UpdateSavedViewRequest } from '@switchboard/contracts';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { useSavedViewsStore } from '../store/saved-views-store';
import { viewQueryFromFilters } from '../store/view-query';
import { errorText } from '../../../shared/api/error-text';

type Step = 'choose' | 'rename' | 'delete';

function failed(err: unknown): void {
  const message = errorText(err);
  useToastStore.getState().show(t('views.error', { message }), 'error');
}

/**
 * What the owner (or an admin, for a shared view) can do with a view: rename, share or make
 * personal, pin or unpin, save the current filters into it, delete. A plain group of buttons
 * reached with Tab; Escape closes it and gives focus back to the button that opened it.
 */
export function SavedViewActions({ view, onClose }: { view: SavedViewDto; onClose: () => void }) {
  const [step, setStep] = useState<Step>('choose');
  const [name, setName] = useState(view.name);
  const first = useRef<HTMLButtonElement & HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), [step]);

  const change = async (body: UpdateSavedViewRequest) => {
    try {
      await useSavedViewsStore.getState().update(view.id, body);
      onClose();
    } catch (err) {
      failed(err);
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() && name.trim() !== view.name) void change({ name });
    else onClose();
  };

  const remove = async () => {
    try {
      await useSavedViewsStore.getState().remove(view.id);
      useToastStore.getState().show(t('views.delete.done', { name: view.name }));
      onClose();
    } catch (err) {
      failed(err);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') onClose();
  };

  return (
    <div
      className="saved-view__actions"
      role="group"
      aria-label={t('views.actions', { name: view.name })}
      data-testid="saved-view-actions"
      onKeyDown={onKeyDown}
    >
      {step === 'choose' && (
        <>
          <button type="button" ref={first} onClick={() => setStep('rename')}>
            {t('views.action.rename')}
          </button>
          <button type="button" onClick={() => void change({ shared: !view.shared })}>
            {view.shared ? t('views.action.unshare') : t('views.action.share')}
          </button>
          <button type="button" onClick={() => void change({ pinned: !view.pinned })}>
            {view.pinned ? t('views.action.unpin') : t('views.action.pin')}
          </button>
          <button
            type="button"
            onClick={() =>
              void change({ query: viewQueryFromFilters(useFeedStore.getState().filters) })
            }
          >
            {t('views.action.update_query')}
          </button>
          <button type="button" className="saved-view__danger" onClick={() => setStep('delete')}>
            {t('views.action.delete')}
          </button>
        </>
      )}
      {step === 'rename' && (
        <form className="saved-view__rename" onSubmit={rename}>
          <input
            ref={first}
            aria-label={t('views.rename.label', { name: view.name })}
            dir="auto"
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button button--primary button--small">
            {t('views.rename.submit')}
          </button>
        </form>
      )}
      {step === 'delete' && (
        <>
          <span>{t('views.delete.question', { name: view.name })}</span>
          <button
            type="button"
            ref={first}
            className="saved-view__danger"
            onClick={() => void remove()}
          >
            {t('views.delete.confirm')}
          </button>
          <button type="button" onClick={onClose}>
            {t('views.delete.cancel')}
          </button>
        </>
      )}
    </div>
  );
}
