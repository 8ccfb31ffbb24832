import type { InboxDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { CopyUrl } from './copy-url';

/** Where the API reference opens: the inbound webhook's operation, with the signing recipe. */
const WEBHOOK_DOCS = '/api/docs#/channels/WebhooksController_receive';

/** An API inbox: the URL the integrator's system posts customer messages to, and how to sign. */
export function ApiInboxPanel({ inbox }: { inbox: InboxDto }) {
  return (
    <section className="settings-panel" data-testid="api-inbox" aria-labelledby="api-inbox-title">
      <h3 id="api-inbox-title">{t('settings.api.title')}</h3>
      <CopyUrl label="settings.api.inbound_url" url={inbox.webhookUrl} testId="api-inbound-url" />
      <p className="settings-hint">{t('settings.api.hint')}</p>
      <p className="settings-hint">
        <a href={WEBHOOK_DOCS} target="_blank" rel="noreferrer" data-testid="api-docs-link">
          {t('settings.api.docs_link')}
        </a>
      </p>
    </section>
  );
}
