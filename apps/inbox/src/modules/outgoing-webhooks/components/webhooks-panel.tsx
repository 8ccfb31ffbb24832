import type { WebhookSubscriptionDto } from '@switchboard/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { MessageKey } from '../../../i18n/en';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { CopyUrl } from '../../settings/components/copy-url';
import { webhooksApi } from '../api/webhooks-api';
import { useWebhooksStore } from '../store/webhooks-store';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookForm } from './webhook-form';
import '../webhooks.css';
import { errorText } from '../../../shared/api/error-text';

/** Runs a change and says how it went; the server's reason is shown if refused. */
async function run<T>(action: () => Promise<T>, done: MessageKey): Promise<T | null> {
  try {
    const result = await action();
    useToastStore.getState().show(t(done));
    return result;
  } catch (error) {
    const message = errorText(error);
    useToastStore.getState().show(t('webhooks.failed', { message }), 'error');
    return null;
  }
}

/** A secret just made: shown this once, with a Copy button. */
function ShownSecret({ subscriptionId }: { subscriptionId: string | null }) {
  const shown = useWebhooksStore((s) => s.shownSecret);
  if (!shown || shown.subscriptionId !== subscriptionId) return null;
  return (
    <div className="webhook-secret" data-testid="webhook-secret-once" role="status">
      <CopyUrl label="webhooks.secret" url={shown.secret} testId="webhook-secret" />
      <p className="settings-hint">{t('webhooks.secret_once')}</p>
      <button
        type="button"
        className="button button--small"
        data-testid="webhook-secret-done"
        onClick={() => useWebhooksStore.getState().hideSecret()}
      >
        {t('webhooks.secret_done')}
      </button>
    </div>
  );
}

function SubscriptionRow({ subscription: s }: { subscription: WebhookSubscriptionDto }) {
  const [open, setOpen] = useState<'edit' | 'log' | null>(null);
  const store = useWebhooksStore.getState();
  const loadLog = useCallback((cursor?: string) => webhooksApi.deliveries(s.id, cursor), [s.id]);

  const setEnabled = async (enabled: boolean) => {
    const saved = await run(() => webhooksApi.update(s.id, { enabled }), 'webhooks.saved');
    if (saved) store.receive(saved);
  };
  const rotate = async () => {
    if (!window.confirm(t('webhooks.rotate_confirm'))) return;
    const rotated = await run(() => webhooksApi.rotateSecret(s.id), 'webhooks.rotated');
    if (rotated) store.showSecret(s.id, rotated.secret);
  };
  const remove = async () => {
    if (!window.confirm(t('webhooks.delete_confirm', { url: s.url }))) return;
    if ((await run(() => webhooksApi.remove(s.id), 'webhooks.deleted')) !== null)
      store.remove(s.id);
  };

  return (
    <li className="webhook-row" data-testid="webhook-row" data-url={s.url}>
      <div className="webhook-row__head">
        <div className="webhook-row__what">
          <code dir="ltr">{s.url}</code>
          {s.description && <div dir="auto">{s.description}</div>}
          <div className="settings-hint">{s.eventTypes.join(', ')}</div>
          {s.disabledReason && (
            <p className="form-error" data-testid="webhook-disabled-reason">
              {t('webhooks.disabled_by_server', { reason: s.disabledReason })}
            </p>
          )}
        </div>
        <label className="webhook-form__event">
          <input
            type="checkbox"
            data-testid="webhook-enabled"
            checked={s.enabled}
            onChange={(e) => void setEnabled(e.target.checked)}
          />
          {t('webhooks.enabled')}
        </label>
      </div>
      <div className="webhook-row__actions">
        <button
          type="button"
          className="button button--small"
          data-testid="webhook-edit"
          aria-expanded={open === 'edit'}
          onClick={() => setOpen(open === 'edit' ? null : 'edit')}
        >
          {t('webhooks.edit')}
        </button>
        <button
          type="button"
          className="button button--small"
          data-testid="webhook-show-log"
          aria-expanded={open === 'log'}
          onClick={() => setOpen(open === 'log' ? null : 'log')}
        >
          {t('webhooks.log')}
        </button>
        <button type="button" className="button button--small" onClick={() => void rotate()}>
          {t('webhooks.rotate')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="webhook-delete"
          onClick={() => void remove()}
        >
          {t('webhooks.delete')}
        </button>
      </div>
      <ShownSecret subscriptionId={s.id} />
      {open === 'edit' && <WebhookForm subscription={s} onDone={() => setOpen(null)} />}
      {open === 'log' && <WebhookDeliveries load={loadLog} testId="webhook-log" />}
    </li>
  );
}

/** Calls made by rules' "call a webhook" action: their secret and their log. */
function RuleWebhooks() {
  const [showLog, setShowLog] = useState(false);
  const loadLog = useCallback((cursor?: string) => webhooksApi.ruleDeliveries(cursor), []);
  const reveal = async () => {
    const secret = await run(() => webhooksApi.ruleSecret(), 'webhooks.secret_revealed');
    if (secret) useWebhooksStore.getState().showSecret(null, secret.secret);
  };
  const rotate = async () => {
    if (!window.confirm(t('webhooks.rotate_confirm'))) return;
    const secret = await run(() => webhooksApi.rotateRuleSecret(), 'webhooks.rotated');
    if (secret) useWebhooksStore.getState().showSecret(null, secret.secret);
  };
  return (
    <section className="webhook-rules" data-testid="rule-webhooks">
      <h3>{t('webhooks.rules_title')}</h3>
      <p className="settings-hint">{t('webhooks.rules_hint')}</p>
      <div className="webhook-row__actions">
        <button type="button" className="button button--small" onClick={() => void reveal()}>
          {t('webhooks.rules_show_secret')}
        </button>
        <button type="button" className="button button--small" onClick={() => void rotate()}>
          {t('webhooks.rotate')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-expanded={showLog}
          onClick={() => setShowLog(!showLog)}
        >
          {t('webhooks.log')}
        </button>
      </div>
      <ShownSecret subscriptionId={null} />
      {showLog && <WebhookDeliveries load={loadLog} testId="rule-webhook-log" />}
    </section>
  );
}

/** Settings → Webhooks (admins): subscriptions of integrators, their logs, and rule calls. */
export function WebhooksPanel() {
  const subscriptions = useWebhooksStore((s) => s.subscriptions);
  const loadError = useWebhooksStore((s) => s.loadError);

  useEffect(() => {
    void useWebhooksStore.getState().load();
    return () => useWebhooksStore.getState().hideSecret();
  }, []);

  return (
    <div className="settings__detail webhooks" data-testid="webhooks-panel">
      <h2>{t('webhooks.title')}</h2>
      <p className="settings-hint">{t('webhooks.hint')}</p>
      {loadError && (
        <p className="form-error" role="alert">
          {t('webhooks.failed', { message: loadError })}
        </p>
      )}
      <h3>{t('webhooks.new')}</h3>
      <WebhookForm subscription={null} />
      {subscriptions.length === 0 && !loadError && (
        <p className="settings-hint">{t('webhooks.empty')}</p>
      )}
      <ul className="webhook-list">
        {subscriptions.map((s) => (
          <SubscriptionRow key={s.id} subscription={s} />
        ))}
      </ul>
      <RuleWebhooks />
    </div>
  );
}
