import type { InboxAccessDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { usePeopleStore } from '../../people/store/people-store';
import { accessApi } from '../api/access-api';
import { useTeamsStore } from '../store/teams-store';
import { MemberCheckboxes } from './member-checkboxes';
import '../access.css';
import { errorText } from '../../../shared/api/error-text';

const toggled = (ids: string[], id: string, on: boolean) =>
  on ? [...ids, id] : ids.filter((x) => x !== id);

/**
 * An inbox's "Access" section (admins): its member operators and teams. None at all means every
 * operator may work the inbox; the server enforces it, this only edits it.
 */
export function InboxAccessPanel({ inboxId }: { inboxId: string }) {
  const members = usePeopleStore((s) => s.members);
  const teams = useTeamsStore((s) => s.teams);
  const [access, setAccess] = useState<InboxAccessDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    setAccess(null);
    accessApi
      .inboxAccess(inboxId)
      .then((a) => live && setAccess(a))
      .catch((e: unknown) => live && setError(errorText(e)));
    void useTeamsStore.getState().load();
    if (!usePeopleStore.getState().loaded) void usePeopleStore.getState().load();
    return () => {
      live = false;
    };
  }, [inboxId]);

  const save = async () => {
    if (!access) return;
    setSaving(true);
    setError(null);
    try {
      setAccess(
        await accessApi.setInboxAccess(inboxId, {
          operatorIds: access.operatorIds,
          teamIds: access.teamIds,
        }),
      );
      useToastStore.getState().show(t('access.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const open = access !== null && access.operatorIds.length === 0 && access.teamIds.length === 0;
  return (
    <section
      className="settings-panel inbox-access"
      data-testid="inbox-access"
      aria-labelledby="inbox-access-title"
    >
      <h3 id="inbox-access-title">{t('access.title')}</h3>
      <p className="settings-hint" data-testid="inbox-access-rule">
        {open ? t('access.open') : t('access.restricted')}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {t('access.failed', { message: error })}
        </p>
      )}
      {access && (
        <>
          <MemberCheckboxes
            legend={t('access.operators')}
            testId="inbox-access-operators"
            disabled={saving}
            options={members.filter((m) => m.active).map((m) => ({ id: m.id, label: m.name }))}
            chosen={access.operatorIds}
            onToggle={(id, on) =>
              setAccess({ ...access, operatorIds: toggled(access.operatorIds, id, on) })
            }
          />
          <MemberCheckboxes
            legend={t('access.teams')}
            testId="inbox-access-teams"
            disabled={saving}
            options={teams.map((team) => ({ id: team.id, label: team.name }))}
            chosen={access.teamIds}
            onToggle={(id, on) =>
              setAccess({ ...access, teamIds: toggled(access.teamIds, id, on) })
            }
          />
          <button
            type="button"
            className="button button--small"
            data-testid="inbox-access-save"
            disabled={saving}
            onClick={() => void save()}
          >
            {t('access.save')}
          </button>
        </>
      )}
    </section>
  );
}
