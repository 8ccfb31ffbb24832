import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useModalFocus } from '../../../shared/ui/use-modal-focus';
import { t, tp } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { useAuthStore } from '../../auth/store/auth-store';
import { useTeamsStore } from '../../access/store/teams-store';
import { usePeopleStore } from '../../people/store/people-store';
import type { AssignmentChange } from '../api/assignment-api';
import { assignConversations } from '../store/assign-commands';
import { useAssignPickerStore } from '../store/assign-picker-store';
import { matchOperators } from '../utils/match-operators';
import '../assignment.css';

type Choice = { key: string; label: string; change: AssignmentChange };

/**
 * Type-ahead picker of the assignee: type to narrow, arrows to move, Enter to assign, Esc to
 * leave. Keys typed here never reach the global shortcuts.
 */
export function AssigneePicker() {
  const targets = useAssignPickerStore((s) => s.targets);
  if (!targets) return null;
  return <PickerDialog targets={targets} />;
}

function PickerDialog({ targets }: { targets: string[] }) {
  const members = usePeopleStore((s) => s.members);
  const teams = useTeamsStore((s) => s.teams);
  const me = useAuthStore((s) => s.operator?.id);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const titleId = useId();
  const close = useAssignPickerStore((s) => s.close);

  useEffect(() => {
    if (!usePeopleStore.getState().loaded) void usePeopleStore.getState().load();
    if (useTeamsStore.getState().teams.length === 0) void useTeamsStore.getState().load();
    inputRef.current?.focus();
  }, []);

  const choices = useMemo<Choice[]>(() => {
    const operators = matchOperators(members, query).map((m) => ({
      key: `operator-${m.id}`,
      label: m.id === me ? t('assignment.me', { name: m.name }) : m.name,
      change: { assigneeId: m.id },
    }));
    const q = query.trim().toLocaleLowerCase();
    const fits = (label: string) => !q || label.toLocaleLowerCase().includes(q);
    const teamChoices = teams
      .filter((team) => fits(team.name))
      .map((team) => ({
        key: `team-${team.id}`,
        label: t('assignment.team', { name: team.name }),
        change: { teamId: team.id },
      }));
    const clearing = [
      { key: 'nobody', label: t('assignment.nobody'), change: { assigneeId: null } },
      { key: 'no-team', label: t('assignment.no_team'), change: { teamId: null } },
    ].filter((c) => fits(c.label) && (c.key === 'nobody' || teams.length > 0));
    return [...operators, ...teamChoices, ...clearing];
  }, [members, teams, query, me]);
  const current = Math.min(active, Math.max(choices.length - 1, 0));

  const pick = async (choice: Choice | undefined) => {
    if (!choice || busy) return;
    setBusy(true);
    const done = await assignConversations(targets, choice.change);
    setBusy(false);
    if (done) close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + choices.length) % Math.max(choices.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void pick(choices[current]);
    }
  };

  const dialogRef = useRef<HTMLDivElement>(null);
  useModalFocus(dialogRef);
  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        ref={dialogRef}
        className="dialog assignee-picker"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="assignee-picker"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id={titleId}>{tp('assignment.picker_title', targets.length)}</h2>
        <input
          ref={inputRef}
          className="input"
          data-testid="assignee-search"
          role="combobox"
          aria-label={t('assignment.search')}
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={choices[current] ? `${listId}-${current}` : undefined}
          placeholder={t('assignment.search')}
          dir="auto"
          value={query}
          disabled={busy}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" className="assignee-picker__list">
          {choices.map((choice, index) => (
            <li
              key={choice.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              className="assignee-picker__option"
              data-testid="assignee-option"
              onMouseEnter={() => setActive(index)}
              onClick={() => void pick(choice)}
            >
              <bdi>{displayText(choice.label)}</bdi>
            </li>
          ))}
          {choices.length === 0 && (
            <li className="assignee-picker__empty" role="presentation">
              {t('assignment.no_match')}
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
