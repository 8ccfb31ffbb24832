import { useEffect, useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/en';
import { inboxesAdminApi, type EmailSyncStatusDto } from '../api/inboxes-admin-api';
import { errorText } from '../../../shared/api/error-text';

const POLL_MS = 2000;

const STATUS_LABELS: Record<string, MessageKey> = {
  connecting: 'settings.sync.status.connecting',
  importing: 'settings.sync.status.importing',
  idle: 'settings.sync.status.idle',
  polling: 'settings.sync.status.polling',
  error: 'settings.sync.status.error',
  waiting_for_lock: 'settings.sync.status.waiting_for_lock',
  paused: 'settings.sync.status.paused',
};

/** What happened to a mail the sync did not store as it came (see docs/channels/email.md). */
const ACTION_LABELS: Record<string, MessageKey> = {
  skipped: 'settings.sync.action.skipped',
  automated: 'settings.sync.action.automated',
  simplified: 'settings.sync.action.simplified',
  duplicate: 'settings.sync.action.duplicate',
  capped: 'settings.sync.action.capped',
  refused: 'settings.sync.action.refused',
  failed: 'settings.sync.action.failed',
};

function actionLabel(action: string): string {
  const key = ACTION_LABELS[action];
  return key ? t(key) : action;
}

function statusLabel(status: string): string {
  const key = STATUS_LABELS[status];
  return key ? t(key) : status;
}

/** Sync state of an email inbox, refreshed every 2 s while it is on screen. */
export function EmailSyncPanel({ inboxId }: { inboxId: string }) {
  const [sync, setSync] = useState<EmailSyncStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    setSync(null);
    const poll = async () => {
      try {
        setSync(await inboxesAdminApi.emailSync(inboxId, controller.signal));
        setError(null);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(errorText(e));
      }
      // The next poll is scheduled after the answer, so a slow server never gets requests piled up.
      if (!controller.signal.aborted) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [inboxId]);

  const { history } = sync ?? { history: null };
  return (
    <section className="settings-panel" data-testid="email-sync-panel" aria-live="polite">
      <h3>{t('settings.sync.title')}</h3>
      {error && (
        <p className="form-error" role="alert">
          {t('settings.sync.error', { message: error })}
        </p>
      )}
      {sync && history && (
        <dl className="sync-facts">
          <dt>{t('settings.sync.status')}</dt>
          <dd data-testid="email-sync-status" data-status={sync.status}>
            {statusLabel(sync.status)}
            {sync.lastSyncedAt && (
              <span className="settings-hint">
                {' · '}
                {t('settings.sync.last_synced', {
                  time: formatFullDateTime(new Date(sync.lastSyncedAt)),
                })}
              </span>
            )}
          </dd>
          <dt>{t('settings.sync.history')}</dt>
          <dd data-testid="email-sync-history">
            <progress
              className="sync-progress"
              value={history.done}
              max={Math.max(history.total, 1)}
            />
            <span>
              {t('settings.sync.progress', { done: history.done, total: history.total })}
              {history.completed && ` · ${t('settings.sync.history_done')}`}
            </span>
          </dd>
          {sync.lastError && (
            <>
              <dt className="visually-hidden">{t('settings.sync.status.error')}</dt>
              <dd className="form-error" data-testid="email-sync-error">
                {t('settings.sync.last_error', {
                  time: sync.lastErrorAt ? formatFullDateTime(new Date(sync.lastErrorAt)) : '',
                  message: sync.lastError,
                })}
              </dd>
            </>
          )}
          <dt>{t('settings.sync.log')}</dt>
          <dd>
            {sync.log.length === 0 ? (
              t('settings.sync.log_empty')
            ) : (
              <ul className="sync-log" data-testid="email-sync-log">
                {sync.log.map((entry, i) => (
                  <li key={`${entry.at}-${i}`}>
                    <time dateTime={entry.at}>{formatFullDateTime(new Date(entry.at))}</time>{' '}
                    <strong data-action={entry.action}>{actionLabel(entry.action)}</strong>{' '}
                    <bdi>{entry.messageId ?? entry.uid ?? ''}</bdi>
                    {' — '}
                    {entry.reason}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
