import { useCallback, useEffect, useState } from 'react';
import { t } from '../i18n/i18n';
import { AcceptInvitationPage } from '../modules/auth/components/accept-invitation-page';
import { LoginPage } from '../modules/auth/components/login-page';
import { useAuthStore } from '../modules/auth/store/auth-store';
import {
  EMAIL_OAUTH_CALLBACK_PATH,
  EmailOAuthCallbackPage,
} from '../modules/settings/components/email-oauth-callback-page';
import { AppShell } from './app-shell';

/** Where invitation links land (see the API's invitationAcceptUrl). */
const ACCEPT_INVITATION_PATH = '/accept-invitation';

/** Auth gate: an invitation link, else restore the session from the cookie, else sign-in. */
export function App() {
  const phase = useAuthStore((s) => s.phase);
  const restore = useAuthStore((s) => s.restore);
  const [accepting, setAccepting] = useState(
    () => window.location.pathname === ACCEPT_INVITATION_PATH,
  );
  // Back from Google or Microsoft: finished once signed in (after a sign-in, if need be).
  const [oauthReturn, setOauthReturn] = useState(
    () => window.location.pathname === EMAIL_OAUTH_CALLBACK_PATH,
  );
  const oauthDone = useCallback(() => setOauthReturn(false), []);

  useEffect(() => {
    void restore();
  }, [restore]);

  if (accepting) {
    const leave = () => {
      // The one-time token must not linger in the address bar or history.
      window.history.replaceState(null, '', '/');
      setAccepting(false);
    };
    return <AcceptInvitationPage onDone={leave} />;
  }
  if (phase === 'restoring') {
    return (
      <div className="boot" aria-busy="true">
        <div className="brand-mark" aria-label={t('app.name')} />
      </div>
    );
  }
  if (phase === 'signed_in' && oauthReturn) return <EmailOAuthCallbackPage onDone={oauthDone} />;
  return phase === 'signed_in' ? <AppShell /> : <LoginPage />;
}
