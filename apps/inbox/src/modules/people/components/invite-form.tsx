import type { InvitationDto, OperatorRole } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { peopleApi } from '../api/people-api';
import { errorText } from '../../../shared/api/error-text';

/**
 * Creates a one-time invitation and shows its link: the admin passes it on (installations
 * without mail have no other way).
 */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OperatorRole>('agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setInvitation(await peopleApi.invite({ email: email.trim(), role }));
      setEmail('');
    } catch (err) {
      setError(t('people.invite.error', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="people-invite" onSubmit={submit} aria-labelledby="people-invite-title">
      <h3 id="people-invite-title">{t('people.invite.title')}</h3>
      <div className="people-invite__row">
        <label className="field">
          <span>{t('people.invite.email')}</span>
          <input
            name="inviteEmail"
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('people.invite.role')}</span>
          <select
            name="inviteRole"
            value={role}
            onChange={(e) => setRole(e.target.value as OperatorRole)}
          >
            <option value="agent">{t('people.role.agent')}</option>
            <option value="admin">{t('people.role.admin')}</option>
          </select>
        </label>
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? t('people.invite.submitting') : t('people.invite.submit')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {invitation && (
        <div className="people-invite__link" role="status">
          <p>{t('people.invite.link', { email: invitation.email })}</p>
          <input
            readOnly
            aria-label={t('people.invite.link', { email: invitation.email })}
            data-testid="invitation-link"
            value={invitation.acceptUrl}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="button button--small"
            onClick={() => void navigator.clipboard?.writeText(invitation.acceptUrl)}
          >
            {t('people.invite.copy')}
          </button>
        </div>
      )}
    </form>
  );
}
