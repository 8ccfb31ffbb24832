import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { t } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { authApi } from '../api/auth-api';
import { errorText } from '../../../shared/api/error-text';

/** Mirrors MIN_PASSWORD_LENGTH in the contracts (only types are imported from there). */
const MIN_PASSWORD_LENGTH = 10;

function describeError(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return t('password.error.wrong');
  const message = errorText(error);
  return t('password.error.generic', { message });
}

/**
 * Changes the operator's password. The server ends every other session of theirs, with its live
 * sockets; this tab stays signed in.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword({ currentPassword: current, newPassword: next });
      setDone(true);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const dialogRef = useRef<HTMLFormElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <form
        ref={dialogRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="password-title"
        data-testid="change-password-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={submit}
      >
        <h2 id="password-title">{t('password.title')}</h2>
        {done ? (
          <p role="status">{t('password.done')}</p>
        ) : (
          <>
            <label className="field">
              <span>{t('password.current')}</span>
              <input
                ref={firstRef}
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('password.new')}</span>
              <input
                name="newPassword"
                type="password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                maxLength={1024}
                value={next}
                onChange={(e) => setNext(e.target.value)}
              />
            </label>
            <p className="dialog__hint">{t('password.hint')}</p>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
          </>
        )}
        <div className="dialog__actions">
          {!done && (
            <button className="button button--primary" type="submit" disabled={busy}>
              {busy ? t('password.submitting') : t('password.submit')}
            </button>
          )}
          <button className="button" type="button" onClick={onClose}>
            {done ? t('password.close') : t('password.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
