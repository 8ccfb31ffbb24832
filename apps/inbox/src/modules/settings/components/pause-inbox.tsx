import type { InboxDto } from '@switchboard/contracts';
import { useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import { useSettingsStore } from '../store/settings-store';
import { errorText } from '../../../shared/api/error-text';

/**
 * Whether the inbox fetches new messages, and the switch for it (admins). Only channels we pull
 * from can pause: their messages wait at the provider and arrive on resume.
 */
export function PauseInbox({ inbox, readOnly }: { inbox: InboxDto; readOnly: boolean }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!inbox.pausable && !inbox.pausedAt) return null;
  const paused = inbox.pausedAt !== null;

  const toggle = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = paused
        ? await inboxesAdminApi.resume(inbox.id)
        : await inboxesAdminApi.pause(inbox.id);
      useSettingsStore.getState().saved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section
      className="settings-panel settings-pause"
      data-testid="inbox-pause"
      data-paused={paused}
      aria-live="polite"
    >
      <h3>{t('settings.pause.title')}</h3>
      <p className="settings-pause__state" data-testid="inbox-pause-state">
        {paused && <span className="settings-paused-badge">{t('settings.pause.badge')}</span>}
        {paused
          ? t('settings.pause.paused', {
              time: formatFullDateTime(new Date(inbox.pausedAt as string)),
            })
          : t('settings.pause.running')}
      </p>
      {!readOnly && <p className="settings-hint">{t('settings.pause.hint')}</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="inbox-pause-error">
          {t('settings.pause.error', { message: error })}
        </p>
      )}
      {!readOnly && (
        <div>
          <button
            type="button"
            className="button"
            data-testid="inbox-pause-toggle"
            aria-pressed={paused}
            disabled={saving}
            onClick={() => void toggle()}
          >
            {saving
              ? t('settings.pause.saving')
              : paused
                ? t('settings.pause.resume')
                : t('settings.pause.button')}
          </button>
        </div>
      )}
    </section>
  );
}
