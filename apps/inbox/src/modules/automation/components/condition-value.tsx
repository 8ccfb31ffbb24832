import {
  CHANNEL_KINDS,
  CONVERSATION_PRIORITIES,
  CONVERSATION_STATUSES,
} from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import type { RuleChoices } from '../hooks/use-rule-choices';
import { valueKind, type ConditionForm } from '../utils/rule-form';
import { CheckList } from './check-list';
import { ChipsInput } from './chips-input';

interface Props {
  condition: ConditionForm;
  number: number;
  choices: RuleChoices;
  onChange: (patch: Partial<ConditionForm>) => void;
  errorId?: string;
}

function idOptions(condition: ConditionForm, choices: RuleChoices) {
  if (condition.field === 'inbox')
    return choices.inboxes.map((i) => ({ value: i.id, label: i.name }));
  if (condition.field === 'assignee')
    return choices.operators.map((o) => ({ value: o.id, label: o.name }));
  return choices.teams.map((team) => ({ value: team.id, label: team.name }));
}

function fixedOptions(condition: ConditionForm) {
  if (condition.field === 'channel')
    return CHANNEL_KINDS.map((kind) => ({ value: kind, label: t(`channel.${kind}`) }));
  if (condition.field === 'priority')
    return CONVERSATION_PRIORITIES.map((p) => ({
      value: p,
      label: t(`automation.priority.${p}`),
    }));
  return CONVERSATION_STATUSES.map((s) => ({ value: s, label: t(`automation.status.${s}`) }));
}

/** The value editor a condition's field and test need: pickers, chips, or a typed attribute. */
export function ConditionValue({ condition, number, choices, onChange, errorId }: Props) {
  const label = t('automation.conditions.value', { number });
  const invalid = errorId !== undefined;
  const common = {
    selected: condition.values,
    onChange: (values: string[]) => onChange({ values }),
    invalid,
    describedBy: errorId,
  };
  switch (valueKind(condition.field, condition.op)) {
    case 'ids':
      return (
        <CheckList
          legend={label}
          options={idOptions(condition, choices)}
          testId="rule-condition-picker"
          {...common}
        />
      );
    case 'choices':
      return (
        <CheckList
          legend={label}
          options={fixedOptions(condition)}
          testId="rule-condition-picker"
          {...common}
        />
      );
    case 'words':
      return (
        <ChipsInput
          label={label}
          values={condition.values}
          onChange={(values) => onChange({ values })}
          suggestions={condition.field === 'tags' ? choices.tags.map((tag) => tag.name) : undefined}
          invalid={invalid}
          describedBy={errorId}
          testId="rule-condition-words"
        />
      );
    case 'attribute':
      return <AttributeValue condition={condition} number={number} {...{ choices, onChange }} />;
    case 'number':
      return (
        <input
          className="rule-input"
          aria-label={label}
          type="number"
          min={0}
          max={10}
          step={1}
          value={condition.values[0] ?? ''}
          aria-invalid={invalid || undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange({ values: e.target.value === '' ? [] : [e.target.value] })}
        />
      );
    case 'none':
      return null;
  }
}

function AttributeValue({ condition, number, choices, onChange }: Omit<Props, 'errorId'>) {
  const def = choices.attributes?.find((a) => a.key === condition.attributeKey);
  const label = t('automation.conditions.value', { number });
  if (def?.type === 'boolean' || def?.type === 'list') {
    const options =
      def.type === 'boolean'
        ? [
            { value: 'true', label: t('automation.boolean.true') },
            { value: 'false', label: t('automation.boolean.false') },
          ]
        : def.options.map((o) => ({ value: o, label: o }));
    return (
      <select
        className="select"
        aria-label={label}
        value={condition.attributeValue}
        onChange={(e) => onChange({ attributeValue: e.target.value })}
      >
        <option value="">{t('automation.actions.choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="rule-input"
      aria-label={label}
      type={def?.type === 'date' ? 'date' : 'text'}
      inputMode={def?.type === 'number' ? 'decimal' : undefined}
      value={condition.attributeValue}
      onChange={(e) => onChange({ attributeValue: e.target.value })}
    />
  );
}
