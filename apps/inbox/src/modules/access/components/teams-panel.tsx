import type { TeamDto } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../../i18n/en';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { usePeopleStore } from '../../people/store/people-store';
import { accessApi } from '../api/access-api';
import { useTeamsStore } from '../store/teams-store';
import { MemberCheckboxes } from './member-checkboxes';
import { TeamRoutingSettings } from '../../routing/components/team-routing-settings';
import { useRoutingStore } from '../../routing/store/routing-store';
import '../access.css';
import { errorText } from '../../../shared/api/error-text';

/** Runs a change; the server's reason (duplicate name, unknown operator) is shown if refused. */
async function run<T>(action: () => Promise<T>, done: MessageKey): Promise<T | null> {
  try {
    const result = await action();
    useToastStore.getState().show(t(done));
    return result;
  } catch (error) {
    const message = errorText(error);
    useToastStore.getState().show(t('teams.failed', { message }), 'error');
    return null;
  }
}

/** One team: rename, delete, and its members (each checkbox saves at once). */
function TeamRow({ team }: { team: TeamDto }) {
  const members = usePeopleStore((s) => s.members);
  const [name, setName] = useState(team.name);
  const store = useTeamsStore.getState();

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || trimmed === team.name) return;
    const saved = await run(() => accessApi.renameTeam(team.id, trimmed), 'teams.saved');
    if (saved) store.receive(saved);
  };

  const toggle = async (operatorId: string, on: boolean) => {
    const next = on
      ? [...team.memberIds, operatorId]
      : team.memberIds.filter((id) => id !== operatorId);
    // Ticked at once; the server's answer (or, if refused, its list) replaces the guess.
    store.receive({ ...team, memberIds: next });
    const saved = await run(() => accessApi.setTeamMembers(team.id, next), 'teams.saved');
    if (saved) store.receive(saved);
    else await store.load();
  };

  const remove = async () => {
    if (!window.confirm(t('teams.delete_confirm', { team: team.name }))) return;
    if ((await run(() => accessApi.deleteTeam(team.id), 'teams.deleted')) !== null)
      store.remove(team.id);
  };

  return (
    <li className="teams__row" data-testid="team-row" data-team={team.name}>
      <form className="teams__rename" onSubmit={(e) => void rename(e)}>
        <input
          className="input"
          aria-label={t('teams.name_of', { team: team.name })}
          data-testid="team-name"
          dir="auto"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <button type="submit" className="button button--small">
          {t('teams.rename')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="team-delete"
          onClick={() => void remove()}
        >
          {t('teams.delete')}
        </button>
      </form>
      <MemberCheckboxes
        legend={t('teams.members_of', { team: team.name })}
        testId="team-members"
        options={members.filter((m) => m.active).map((m) => ({ id: m.id, label: m.name }))}
        chosen={team.memberIds}
        onToggle={(id, on) => void toggle(id, on)}
      />
      <TeamRoutingSettings teamId={team.id} />
    </li>
  );
}

/** Settings → Teams (admins): create, rename, delete teams and choose their members. */
export function TeamsPanel() {
  const teams = useTeamsStore((s) => s.teams);
  const loadError = useTeamsStore((s) => s.loadError);
  const [name, setName] = useState('');

  useEffect(() => {
    void useTeamsStore.getState().load();
    void useRoutingStore.getState().loadTeams();
    if (!usePeopleStore.getState().loaded) void usePeopleStore.getState().load();
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const team = await run(() => accessApi.createTeam(trimmed), 'teams.created');
    if (team) {
      useTeamsStore.getState().receive(team);
      setName('');
    }
  };

  return (
    <div className="settings__detail teams" data-testid="teams-panel">
      <h2>{t('teams.title')}</h2>
      <p className="settings-hint">{t('teams.hint')}</p>
      {loadError && (
        <p className="form-error" role="alert">
          {t('teams.failed', { message: loadError })}
        </p>
      )}
      <form className="teams__new" onSubmit={(e) => void create(e)}>
        <label>
          {t('teams.new_name')}
          <input
            className="input"
            data-testid="team-new-name"
            dir="auto"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.stopPropagation()}
          />
        </label>
        <button type="submit" className="button button--small" data-testid="team-create">
          {t('teams.create')}
        </button>
      </form>
      {teams.length === 0 && !loadError && <p className="settings-hint">{t('teams.empty')}</p>}
      <ul className="teams__list">
        {teams.map((team) => (
          <TeamRow key={team.id} team={team} />
        ))}
      </ul>
    </div>
  );
}
