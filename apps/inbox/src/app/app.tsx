import { useEffect } from 'react';
import { t } from '../i18n/i18n';
import { LoginPage } from '../modules/auth/components/login-page';
import { useAuthStore } from '../modules/auth/store/auth-store';
import { AppShell } from './app-shell';

/** Auth gate: restore the session from the stored token, else show sign-in. */
export function App() {
  const phase = useAuthStore((s) => s.phase);
  const restore = useAuthStore((s) => s.restore);

  useEffect(() => {
    void restore();
  }, [restore]);

  if (phase === 'restoring') {
    return (
      <div className="boot" aria-busy="true">
        <div className="brand-mark" aria-label={t('app.name')} />
      </div>
    );
  }
  return phase === 'signed_in' ? <AppShell /> : <LoginPage />;
}
