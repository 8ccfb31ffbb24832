import type { InvitationPreviewDto } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../store/auth-store';
import { authApi } from '../api/auth-api';
import { errorText } from '../../../shared/api/error-text';

/** Mirrors MIN_PASSWORD_LENGTH in the contracts (only types are imported from there). */
const MIN_PASSWORD_LENGTH = 10;

/** The token rides in the fragment (`#token=…`), which never reaches a server log. */
export function invitationTokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

function messageOf(error: unknown): string {
  return errorText(error);
}

/**
 * Where an invitation link lands: the invitee picks a name and a password and is signed in. A used
 * or expired link says so, with the server's reason.
 */
export function AcceptInvitationPage({ onDone }: { onDone: () => void }) {
  const acceptInvitation = useAuthStore((s) => s.acceptInvitation);
  const [token] = useState(() => invitationTokenFromHash(window.location.hash));
  const [preview, setPreview] = useState<InvitationPreviewDto | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!token) {
      setInvalid(t('invitation.invalid', { message: '—' }));
      return;
    }
    authApi
      .previewInvitation(token)
      .then(setPreview, (err: unknown) =>
        setInvalid(t('invitation.invalid', { message: messageOf(err) })),
      );
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      await acceptInvitation(token, name.trim(), password);
      onDone();
    } catch (err) {
      setError(t('invitation.invalid', { message: messageOf(err) }));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="invitation-title">
        <div className="brand-mark" aria-hidden="true" />
        <h1 id="invitation-title">
          {t('invitation.title', { account: preview?.accountName ?? t('app.name') })}
        </h1>
        {invalid ? (
          <>
            <p className="form-error" role="alert" data-testid="invitation-invalid">
              {invalid}
            </p>
            <button className="button button--block" type="button" onClick={onDone}>
              {t('invitation.to_login')}
            </button>
          </>
        ) : !preview ? (
          <p aria-busy="true">{t('invitation.loading')}</p>
        ) : (
          <>
            <p className="login__subtitle">{t('invitation.email', { email: preview.email })}</p>
            <label className="field">
              <span>{t('invitation.name')}</span>
              <input
                name="name"
                autoComplete="name"
                required
                maxLength={120}
                autoFocus
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('invitation.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                maxLength={1024}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <button className="button button--primary button--block" type="submit" disabled={busy}>
              {busy ? t('invitation.submitting') : t('invitation.submit')}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
