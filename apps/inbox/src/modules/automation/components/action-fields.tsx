import { CONVERSATION_PRIORITIES } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import type { RuleChoices } from '../hooks/use-rule-choices';
import type { ActionForm } from '../utils/rule-form';
import { CheckList } from './check-list';
import { ChipsInput } from './chips-input';
import { DurationInput } from './duration-input';

interface Props {
  action: ActionForm;
  choices: RuleChoices;
  onChange: (patch: Partial<ActionForm>) => void;
  errorId?: string;
}

function Picker({
  label,
  name,
  value,
  options,
  onChange,
  errorId,
}: {
  label: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  errorId?: string;
}) {
  return (
    <label className="rule-label">
      <span>{label}</span>
      <select
        className="select"
        name={name}
        value={value}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('automation.actions.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The inputs one action needs: whom to assign, which tags, which reply, how long, where to. */
export function ActionFields({ action, choices, onChange, errorId }: Props) {
  const teams = choices.teams.map((team) => ({ value: team.id, label: team.name }));
  const operators = choices.operators.map((o) => ({ value: o.id, label: o.name }));
  switch (action.type) {
    case 'assign_operator':
      return (
        <Picker
          label={t('automation.actions.operator')}
          name="operatorId"
          value={action.operatorId}
          options={operators}
          onChange={(operatorId) => onChange({ operatorId })}
          errorId={errorId}
        />
      );
    case 'assign_team':
    case 'assign_round_robin':
      return (
        <Picker
          label={t('automation.actions.team')}
          name="teamId"
          value={action.teamId}
          options={teams}
          onChange={(teamId) => onChange({ teamId })}
          errorId={errorId}
        />
      );
    case 'add_tags':
    case 'remove_tags':
      return (
        <ChipsInput
          label={t('automation.actions.tags')}
          values={action.tags}
          onChange={(tags) => onChange({ tags })}
          suggestions={choices.tags.map((tag) => tag.name)}
          invalid={errorId !== undefined}
          describedBy={errorId}
          testId="rule-action-tags"
        />
      );
    case 'set_priority':
      return (
        <label className="rule-label">
          <span>{t('automation.actions.priority')}</span>
          <select
            className="select"
            name="priority"
            value={action.priority}
            onChange={(e) => onChange({ priority: e.target.value as ActionForm['priority'] })}
          >
            {CONVERSATION_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`automation.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
      );
    case 'add_note':
      return (
        <label className="rule-label rule-label--wide">
          <span>{t('automation.actions.note')}</span>
          <textarea
            className="rule-input"
            name="noteText"
            rows={2}
            maxLength={5000}
            aria-describedby={errorId}
            value={action.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        </label>
      );
    case 'send_canned_reply':
      return (
        <Picker
          label={t('automation.actions.canned_reply')}
          name="cannedReplyId"
          value={action.cannedReplyId}
          options={choices.cannedReplies.map((r) => ({
            value: r.id,
            label: `${r.title} (/${r.shortcut})`,
          }))}
          onChange={(cannedReplyId) => onChange({ cannedReplyId })}
          errorId={errorId}
        />
      );
    case 'snooze':
      return (
        <DurationInput
          label={t('automation.actions.snooze_for')}
          value={action.delay}
          onChange={(delay) => onChange({ delay })}
        />
      );
    case 'notify':
      return (
        <div className="rule-notify">
          <span className="rule-label">{t('automation.actions.notify_operators')}</span>
          <CheckList
            legend={t('automation.actions.notify_operators')}
            options={operators}
            selected={action.operatorIds}
            onChange={(operatorIds) => onChange({ operatorIds })}
            describedBy={errorId}
          />
          <span className="rule-label">{t('automation.actions.notify_teams')}</span>
          <CheckList
            legend={t('automation.actions.notify_teams')}
            options={teams}
            selected={action.teamIds}
            onChange={(teamIds) => onChange({ teamIds })}
            describedBy={errorId}
          />
          <label className="rule-label">
            <span>{t('automation.actions.notify_text')}</span>
            <input
              className="rule-input"
              maxLength={500}
              value={action.text}
              onChange={(e) => onChange({ text: e.target.value })}
            />
          </label>
        </div>
      );
    case 'call_webhook':
      return (
        <label className="rule-label rule-label--wide">
          <span>{t('automation.actions.url')}</span>
          <input
            className="rule-input"
            name="webhookUrl"
            type="url"
            inputMode="url"
            maxLength={2000}
            aria-describedby={errorId}
            value={action.url}
            onChange={(e) => onChange({ url: e.target.value })}
          />
        </label>
      );
    case 'unassign':
    case 'close':
      return null;
  }
}
