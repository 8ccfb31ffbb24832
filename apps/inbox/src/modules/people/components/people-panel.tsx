import type { OperatorRole, TeamMemberDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useAuthStore } from '../../auth/store/auth-store';
import { peopleApi } from '../api/people-api';
import { usePeopleStore } from '../store/people-store';
import { InviteForm } from './invite-form';
import { RoutingOverview } from '../../routing/components/routing-overview';
import '../people.css';
import { errorText } from '../../../shared/api/error-text';

/** One colleague: role select and (de)activation for admins, with a confirmation step. */
function MemberRow({ member, isAdmin }: { member: TeamMemberDto; isAdmin: boolean }) {
  const me = useAuthStore((s) => s.operator?.id);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (change: () => Promise<TeamMemberDto>) => {
    setError(null);
    try {
      usePeopleStore.getState().receive(await change());
      setConfirming(false);
    } catch (err) {
      const message = errorText(err);
      setError(t('people.action_error', { name: member.name, message }));
    }
  };

  return (
    <tr data-testid="people-row" data-email={member.email} data-active={member.active}>
      <td>
        <span className="people__name">
          <bdi>{member.name}</bdi> {member.id === me && t('people.you')}
        </span>
        <span className="people__email">{member.email}</span>
      </td>
      <td>
        {isAdmin ? (
          <select
            aria-label={t('people.role_of', { name: member.name })}
            data-testid="people-role"
            value={member.role}
            onChange={(e) =>
              void act(() => peopleApi.setRole(member.id, e.target.value as OperatorRole))
            }
          >
            <option value="agent">{t('people.role.agent')}</option>
            <option value="admin">{t('people.role.admin')}</option>
          </select>
        ) : (
          t(`people.role.${member.role}`)
        )}
      </td>
      <td>{member.active ? t('people.active') : t('people.deactivated')}</td>
      <td>
        <span className="people__presence" data-presence={member.active ? member.presence : 'off'}>
          {member.active ? t(`shell.presence.${member.presence}`) : '–'}
        </span>
      </td>
      {isAdmin && (
        <td>
          {!member.active ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => void act(() => peopleApi.reactivate(member.id))}
            >
              {t('people.reactivate')}
            </button>
          ) : confirming ? (
            <div role="alertdialog" aria-label={t('people.deactivate')} className="people__confirm">
              <p>{t('people.deactivate_confirm', { name: member.name })}</p>
              <button
                type="button"
                className="button button--small"
                data-testid="people-deactivate-confirm"
                onClick={() => void act(() => peopleApi.deactivate(member.id))}
              >
                {t('people.deactivate_yes')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => setConfirming(false)}
              >
                {t('people.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button--small"
              data-testid="people-deactivate"
              onClick={() => setConfirming(true)}
            >
              {t('people.deactivate')}
            </button>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

/** Settings → People: who works here, their role, status and availability (live). */
export function PeoplePanel() {
  const members = usePeopleStore((s) => s.members);
  const loading = usePeopleStore((s) => s.loading);
  const loadError = usePeopleStore((s) => s.loadError);
  const isAdmin = useAuthStore((s) => s.operator?.role === 'admin');

  useEffect(() => {
    void usePeopleStore.getState().load();
  }, []);

  return (
    <div className="settings__detail people" data-testid="people-panel">
      <h2>{t('people.title')}</h2>
      {isAdmin && <InviteForm />}
      {loading && members.length === 0 && <p className="settings-hint">{t('people.loading')}</p>}
      {loadError && (
        <p className="form-error" role="alert">
          {t('people.load_error', { message: loadError })}
        </p>
      )}
      <table className="people__table">
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.role')}</th>
            <th scope="col">{t('people.status')}</th>
            <th scope="col">{t('people.presence')}</th>
            {isAdmin && <th scope="col" aria-label={t('people.deactivate')} />}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow key={m.id} member={m} isAdmin={isAdmin} />
          ))}
        </tbody>
      </table>
      <RoutingOverview />
    </div>
  );
}
