import {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookSubscriptionDto,
} from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { webhooksApi } from '../api/webhooks-api';
import { useWebhooksStore } from '../store/webhooks-store';
import { errorText } from '../../../shared/api/error-text';

/** Create a subscription (the secret is then shown once), or edit one's URL, events and notes. */
export function WebhookForm({
  subscription,
  onDone,
}: {
  subscription: WebhookSubscriptionDto | null;
  onDone?: () => void;
}) {
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [description, setDescription] = useState(subscription?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(
    subscription?.eventTypes ?? ['message.created'],
  );
  const [includeNotes, setIncludeNotes] = useState(subscription?.includeNotes ?? false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const prefix = subscription ? `webhook-edit-${subscription.id}` : 'webhook-new';

  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((now) => (on ? [...now, type] : now.filter((e) => e !== type)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = { url: url.trim(), description, eventTypes: events, includeNotes };
    try {
      const store = useWebhooksStore.getState();
      if (subscription) {
        store.receive(await webhooksApi.update(subscription.id, body));
      } else {
        const { secret, ...created } = await webhooksApi.create(body);
        store.receive(created);
        store.showSecret(created.id, secret);
        setUrl('');
        setDescription('');
      }
      onDone?.();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="webhook-form" data-testid={prefix} onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={`${prefix}-url`}>{t('webhooks.url')}</label>
        <input
          id={`${prefix}-url`}
          className="input"
          data-testid="webhook-url"
          dir="ltr"
          type="url"
          required
          placeholder="https://example.com/switchboard"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>{t('webhooks.description')}</label>
        <input
          id={`${prefix}-description`}
          className="input"
          data-testid="webhook-description"
          dir="auto"
          maxLength={500}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      </div>
      <fieldset className="webhook-form__events">
        <legend>{t('webhooks.events')}</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="webhook-form__event">
            <input
              type="checkbox"
              data-testid={`webhook-event-${type}`}
              checked={events.includes(type)}
              onChange={(e) => toggle(type, e.target.checked)}
            />
            <code>{type}</code>
          </label>
        ))}
      </fieldset>
      <label className="webhook-form__event">
        <input
          type="checkbox"
          data-testid="webhook-include-notes"
          checked={includeNotes}
          onChange={(e) => setIncludeNotes(e.target.checked)}
        />
        {t('webhooks.include_notes')}
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="webhook-form-error">
          {error}
        </p>
      )}
      <div className="webhook-form__actions">
        <button
          type="submit"
          className="button button--small"
          data-testid="webhook-save"
          disabled={saving || events.length === 0}
        >
          {subscription ? t('webhooks.save') : t('webhooks.create')}
        </button>
        {onDone && subscription && (
          <button type="button" className="button button--small" onClick={onDone}>
            {t('webhooks.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
