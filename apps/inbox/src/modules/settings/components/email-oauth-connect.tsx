import type { EmailConnectionDto, EmailOAuthProvider, InboxDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { emailOAuthApi } from '../api/email-oauth-api';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import { emailOAuthDraft } from '../utils/email-oauth-draft';
import type { InboxFormValues } from '../utils/inbox-forms';
import { errorText } from '../../../shared/api/error-text';

const PROVIDERS: readonly EmailOAuthProvider[] = ['google', 'microsoft'];
const providerName = (p: EmailOAuthProvider) => t(`email_oauth.provider.${p}`);

/**
 * "Connect Google" / "Connect Microsoft" for an email inbox (a new one from the form's values, or
 * this one), how it signs in now, and "Reconnect" once the provider stopped accepting it. The
 * browser leaves for the provider's sign-in page and comes back to EmailOAuthCallbackPage.
 */
export function EmailOAuthConnect({
  inbox,
  values,
}: {
  inbox: InboxDto | null;
  values: InboxFormValues;
}) {
  const [connection, setConnection] = useState<EmailConnectionDto | null>(null);
  const [starting, setStarting] = useState<EmailOAuthProvider | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inboxId = inbox?.id;

  useEffect(() => {
    if (!inboxId) return;
    const controller = new AbortController();
    inboxesAdminApi
      .emailSync(inboxId, controller.signal)
      .then((status) => setConnection(status.connection ?? { method: 'password' }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [inboxId, inbox?.connectionError]);

  const connect = async (provider: EmailOAuthProvider) => {
    setError(null);
    const draft = inbox ? null : emailOAuthDraft(provider, values);
    if (!inbox && !draft) {
      setError(t('email_oauth.needs_address'));
      return;
    }
    setStarting(provider);
    try {
      const { authorizationUrl } = await emailOAuthApi.start(
        inbox ? { provider, inboxId: inbox.id } : { provider, inbox: draft ?? undefined },
      );
      // A full-page visit: no popup to be blocked, and the way back is an ordinary page load.
      window.location.assign(authorizationUrl);
    } catch (e) {
      setError(t('email_oauth.start_error', { message: errorText(e) }));
      setStarting(null);
    }
  };

  const oauth = connection?.method === 'oauth' ? connection : null;
  return (
    <section className="settings-panel" data-testid="email-oauth">
      <h3>{t('email_oauth.title')}</h3>
      {oauth ? (
        <p data-testid="email-oauth-connected">
          {t('email_oauth.connected', {
            provider: providerName(oauth.provider),
            account: oauth.account,
          })}
        </p>
      ) : (
        <p className="settings-hint">
          {inbox && connection ? `${t('email_oauth.passwords')} ` : ''}
          {t('email_oauth.hint')}
        </p>
      )}
      {oauth && inbox?.connectionError && (
        <p className="form-error" role="alert" data-testid="email-oauth-reconnect-needed">
          {t('email_oauth.reconnect_needed', { provider: providerName(oauth.provider) })}
        </p>
      )}
      <div className="email-oauth__buttons">
        {oauth ? (
          <button
            type="button"
            className={`button ${inbox?.connectionError ? 'button--primary' : 'button--small'}`}
            data-testid="email-oauth-reconnect"
            disabled={starting !== null}
            onClick={() => void connect(oauth.provider)}
          >
            {t('email_oauth.reconnect')}
          </button>
        ) : (
          PROVIDERS.map((provider) => (
            <button
              key={provider}
              type="button"
              className="button"
              data-testid={`email-oauth-connect-${provider}`}
              disabled={starting !== null}
              onClick={() => void connect(provider)}
            >
              {t(
                provider === 'google'
                  ? 'email_oauth.connect_google'
                  : 'email_oauth.connect_microsoft',
              )}
            </button>
          ))
        )}
      </div>
      {starting && (
        <p className="settings-hint" role="status">
          {t('email_oauth.starting', { provider: providerName(starting) })}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="email-oauth-error">
          {error}
        </p>
      )}
    </section>
  );
}
