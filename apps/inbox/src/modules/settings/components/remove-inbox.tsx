import type { InboxDto } from '@switchboard/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import { useSettingsStore } from '../store/settings-store';
import { errorText } from '../../../shared/api/error-text';

type Phase = 'idle' | 'confirming' | 'removing';

/**
 * "Remove inbox" behind a confirmation that says what it means: the channel is disconnected, the
 * conversations it brought stay. Deleting them as well is a separate choice that takes the inbox's
 * name, typed out, before the button works (the server checks the same).
 */
export function RemoveInbox({ inbox }: { inbox: InboxDto }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  const [deleteHistory, setDeleteHistory] = useState(false);
  const [typedName, setTypedName] = useState('');
  const removeRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const name = displayText(inbox.name);

  // Focus follows the step: the safe choice when asked, back to the button when cancelled.
  useEffect(() => {
    if (phase === 'confirming') cancelRef.current?.focus();
    else if (phase === 'idle' && wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = phase !== 'idle';
  }, [phase]);

  const confirmed = !deleteHistory || typedName === inbox.name;

  const remove = async () => {
    if (!confirmed) return;
    setPhase('removing');
    setError(null);
    try {
      await inboxesAdminApi.remove(
        inbox.id,
        deleteHistory ? { deleteHistory: true, confirmName: typedName } : undefined,
      );
      useSettingsStore.getState().removed(inbox.id);
      useToastStore
        .getState()
        .show(
          t(deleteHistory ? 'settings.remove.done_deleting' : 'settings.remove.done', { name }),
        );
      void useFeedStore.getState().loadInboxes();
    } catch (e) {
      setError(errorText(e));
      setPhase('confirming');
    }
  };

  // Esc steps back out of the question instead of leaving the settings screen.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing || phase !== 'confirming') return;
    event.stopPropagation();
    cancel();
  };

  const cancel = () => {
    setPhase('idle');
    setDeleteHistory(false);
    setTypedName('');
  };

  if (phase === 'idle') {
    return (
      <section className="settings-panel settings-remove" data-testid="inbox-remove">
        <div>
          <button
            ref={removeRef}
            type="button"
            className="button settings-remove__button"
            data-testid="inbox-remove-button"
            onClick={() => setPhase('confirming')}
          >
            {t('settings.remove.button')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section
      className="settings-panel settings-remove settings-remove--confirming"
      data-testid="inbox-remove"
      role="group"
      aria-labelledby="inbox-remove-question"
      aria-describedby="inbox-remove-consequence"
      onKeyDown={onKeyDown}
    >
      <p className="settings-remove__question" id="inbox-remove-question">
        <strong>{t('settings.remove.question', { name })}</strong>
      </p>
      <p className="settings-hint" id="inbox-remove-consequence">
        {t(deleteHistory ? 'settings.remove.consequence_history' : 'settings.remove.consequence')}
      </p>
      <label className="settings-remove__history">
        <input
          type="checkbox"
          data-testid="inbox-remove-history"
          checked={deleteHistory}
          disabled={phase === 'removing'}
          onChange={(e) => {
            setDeleteHistory(e.target.checked);
            setTypedName('');
          }}
        />
        {t('settings.remove.delete_history')}
      </label>
      {deleteHistory && (
        <label className="field settings-remove__name">
          {t('settings.remove.type_name', { name })}
          <input
            type="text"
            dir="auto"
            data-testid="inbox-remove-name"
            autoComplete="off"
            spellCheck={false}
            value={typedName}
            disabled={phase === 'removing'}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </label>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="inbox-remove-error">
          {t('settings.remove.error', { message: error })}
        </p>
      )}
      <div className="settings-remove__actions">
        <button
          ref={cancelRef}
          type="button"
          className="button"
          disabled={phase === 'removing'}
          onClick={cancel}
        >
          {t('settings.remove.cancel')}
        </button>
        <button
          type="button"
          className="button settings-remove__button"
          data-testid="inbox-remove-confirm"
          disabled={phase === 'removing' || !confirmed}
          onClick={() => void remove()}
        >
          {phase === 'removing'
            ? t('settings.remove.removing')
            : t(deleteHistory ? 'settings.remove.confirm_delete' : 'settings.remove.confirm')}
        </button>
      </div>
    </section>
  );
}
