import type { Page, WebhookDeliveryDto } from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { webhooksApi } from '../api/webhooks-api';
import { errorText } from '../../../shared/api/error-text';

const stamp = (iso: string | null) => (iso ? formatFullDateTime(new Date(iso)) : '—');

/** A delivery log, newest first: status, attempts, last answer, next retry, and Resend. */
export function WebhookDeliveries({
  load,
  testId,
}: {
  load: (cursor?: string) => Promise<Page<WebhookDeliveryDto>>;
  testId: string;
}) {
  const [items, setItems] = useState<WebhookDeliveryDto[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const page = await load();
      setItems(page.items);
      setNext(page.nextCursor);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [load]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const more = async () => {
    if (!next) return;
    const page = await load(next);
    setItems((now) => [...now, ...page.items]);
    setNext(page.nextCursor);
  };

  const resend = async (id: string) => {
    try {
      const updated = await webhooksApi.resend(id);
      setItems((now) => now.map((d) => (d.id === id ? updated : d)));
      useToastStore.getState().show(t('webhooks.resent'));
    } catch (err) {
      const message = errorText(err);
      useToastStore.getState().show(t('webhooks.failed', { message }), 'error');
    }
  };

  return (
    <div className="webhook-log" data-testid={testId}>
      <div className="webhook-log__head">
        <h4>{t('webhooks.log')}</h4>
        <button
          type="button"
          className="button button--small"
          data-testid="webhook-log-refresh"
          onClick={() => void refresh()}
        >
          {t('webhooks.refresh')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('webhooks.failed', { message: error })}
        </p>
      )}
      {items.length === 0 && !error && <p className="settings-hint">{t('webhooks.log_empty')}</p>}
      {items.length > 0 && (
        <table className="webhook-log__table">
          <thead>
            <tr>
              <th>{t('webhooks.col.event')}</th>
              <th>{t('webhooks.col.status')}</th>
              <th>{t('webhooks.col.attempts')}</th>
              <th>{t('webhooks.col.answer')}</th>
              <th>{t('webhooks.col.next')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery" data-status={d.status}>
                <td>
                  <code>{d.eventType}</code>
                  <div className="settings-hint">{stamp(d.createdAt)}</div>
                </td>
                <td>
                  <span className={`webhook-status webhook-status--${d.status}`}>
                    {t(`webhooks.status.${d.status}`)}
                  </span>
                </td>
                <td data-testid="webhook-delivery-attempts">{d.attempts}</td>
                <td>
                  {d.lastStatusCode ?? '—'}
                  {d.lastDurationMs !== null && ` · ${d.lastDurationMs} ms`}
                  <div className="settings-hint">{stamp(d.lastAttemptAt)}</div>
                  {d.lastError && d.status !== 'delivered' && (
                    <div className="webhook-log__error" dir="auto">
                      {d.lastError}
                    </div>
                  )}
                </td>
                <td>{stamp(d.nextAttemptAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="webhook-resend"
                    disabled={d.status === 'sending'}
                    onClick={() => void resend(d.id)}
                  >
                    {t('webhooks.resend')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" className="button button--small" onClick={() => void more()}>
          {t('webhooks.more')}
        </button>
      )}
    </div>
  );
}
