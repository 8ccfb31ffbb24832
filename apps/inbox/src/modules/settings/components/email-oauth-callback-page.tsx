import { useEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';
import { emailOAuthApi } from '../api/email-oauth-api';
import { useSettingsStore } from '../store/settings-store';
import { errorText } from '../../../shared/api/error-text';

/** Where Google and Microsoft send the browser back (the API's redirect URI; see EmailOAuthClients). */
export const EMAIL_OAUTH_CALLBACK_PATH = '/oauth/email/callback';

/**
 * Hands what the provider put on the URL (code and state, or an error) to the API with the admin's
 * session, then opens the inbox's settings. The one-time code leaves the address bar at once.
 */
export function EmailOAuthCallbackPage({ onDone }: { onDone: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    // Once: a second try with the same state would be refused (React runs effects twice in dev).
    if (sent.current) return;
    sent.current = true;
    const params = new URLSearchParams(window.location.search);
    window.history.replaceState(null, '', '/');
    const state = params.get('state');
    if (!state) {
      setFailure(t('email_oauth.callback.missing'));
      return;
    }
    emailOAuthApi
      .complete({
        state,
        code: params.get('code') ?? undefined,
        error: params.get('error') ?? undefined,
        errorDescription: params.get('error_description') ?? undefined,
      })
      .then((inbox) => {
        const settings = useSettingsStore.getState();
        settings.saved(inbox);
        settings.setOpen(true);
        void useFeedStore.getState().loadInboxes();
        onDone();
      })
      .catch((e: unknown) => setFailure(errorText(e)));
  }, [onDone]);

  const back = () => {
    const settings = useSettingsStore.getState();
    settings.setOpen(true);
    onDone();
  };

  return (
    <main className="boot" data-testid="email-oauth-callback" aria-busy={failure === null}>
      {failure === null ? (
        <p role="status">{t('email_oauth.callback.working')}</p>
      ) : (
        <div>
          <p className="form-error" role="alert" data-testid="email-oauth-callback-error">
            {t('email_oauth.callback.failed', { message: failure })}
          </p>
          <button type="button" className="button" onClick={back}>
            {t('email_oauth.callback.back')}
          </button>
        </div>
      )}
    </main>
  );
}
