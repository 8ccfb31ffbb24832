import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useAuthStore } from '../store/auth-store';
import { peopleApi } from '../../people/api/people-api';
import { ProfileDialog } from '../../people/components/profile-dialog';
import { ChangePasswordDialog } from './change-password-dialog';
import { HandBackButton } from '../../routing/components/hand-back-button';

function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => Array.from(part)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/**
 * Who is signed in, their online/away status (one click to switch), their profile, password and
 * sign-out.
 */
export function OperatorMenu() {
  const [changingPassword, setChangingPassword] = useState(false);
  const [editingProfile, setEditingProfile] = useState(false);
  const operator = useAuthStore((s) => s.operator);
  const presence = useAuthStore((s) => s.presence);
  const setPresence = useAuthStore((s) => s.setPresence);
  const logout = useAuthStore((s) => s.logout);
  if (!operator) return null;
  const other = presence === 'online' ? 'away' : 'online';

  return (
    <div className="operator">
      <button
        type="button"
        className="operator__presence"
        data-testid="presence-toggle"
        data-presence={presence}
        onClick={() => {
          setPresence(other);
          // Stored and announced to colleagues (their People list) as `operator.updated`.
          void peopleApi.updateProfile({ presence: other }).catch(() => undefined);
        }}
        title={t('shell.presence.toggle', { status: t(`shell.presence.${other}`) })}
      >
        <span className="avatar" aria-hidden="true">
          {initials(operator.name)}
          <span className="avatar__status" />
        </span>
        <span className="operator__text">
          <span className="operator__name" data-testid="operator-name">
            <bdi>{operator.name}</bdi>
          </span>
          <span className="operator__status">{t(`shell.presence.${presence}`)}</span>
        </span>
      </button>
      <button
        type="button"
        className="icon-button"
        data-testid="profile-open"
        onClick={() => setEditingProfile(true)}
        aria-label={t('shell.profile')}
        data-tooltip={t('shell.profile')}
      >
        <Icon name="user" />
      </button>
      {editingProfile && <ProfileDialog onClose={() => setEditingProfile(false)} />}
      <HandBackButton />
      <button
        type="button"
        className="icon-button"
        data-testid="change-password-open"
        onClick={() => setChangingPassword(true)}
        aria-label={t('shell.change_password')}
        data-tooltip={t('shell.change_password')}
      >
        <Icon name="key" />
      </button>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
      <button
        type="button"
        className="icon-button"
        onClick={() => void logout()}
        aria-label={t('shell.logout')}
        data-tooltip={t('shell.logout')}
      >
        <Icon name="logout" className="flip-rtl" />
      </button>
    </div>
  );
}
