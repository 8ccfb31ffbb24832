import { t } from '../../../i18n/i18n';
import type { RuleChoices } from '../hooks/use-rule-choices';
import type { FormErrors } from '../utils/build-rule-input';
import {
  CONDITION_FIELDS,
  CONDITION_OPS,
  emptyCondition,
  emptyGroup,
  type ConditionForm,
  type GroupForm,
  type RuleForm,
} from '../utils/rule-form';
import { ConditionValue } from './condition-value';
import { FieldError } from './field-error';

interface Props {
  form: RuleForm;
  onChange: (patch: Partial<Pick<RuleForm, 'match' | 'groups'>>) => void;
  choices: RuleChoices;
  errors: FormErrors;
  disabled: boolean;
}

function MatchSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: 'all' | 'any';
  onChange: (value: 'all' | 'any') => void;
}) {
  return (
    <label className="rule-label">
      <span>{label}</span>
      <select
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value as 'all' | 'any')}
      >
        <option value="all">{t('automation.match.all')}</option>
        <option value="any">{t('automation.match.any')}</option>
      </select>
    </label>
  );
}

/** "If": groups of conditions, each joined by all/any, the groups joined by all/any too. */
export function ConditionGroups({ form, onChange, choices, errors, disabled }: Props) {
  const setGroup = (g: number, patch: Partial<GroupForm>) =>
    onChange({ groups: form.groups.map((group, i) => (i === g ? { ...group, ...patch } : group)) });
  const setCondition = (g: number, c: number, patch: Partial<ConditionForm>) => {
    const group = form.groups[g];
    if (group)
      setGroup(g, {
        conditions: group.conditions.map((cond, i) => (i === c ? { ...cond, ...patch } : cond)),
      });
  };
  let count = 0;

  return (
    <fieldset className="rule-section" disabled={disabled} data-testid="rule-conditions">
      <legend>{t('automation.conditions.legend')}</legend>
      {form.groups.length === 0 ? (
        <p className="settings-hint">{t('automation.conditions.none')}</p>
      ) : (
        <MatchSelect
          label={t('automation.conditions.match')}
          value={form.match}
          onChange={(match) => onChange({ match })}
        />
      )}
      {form.groups.map((group, g) => (
        <section
          key={group.key}
          className="rule-group"
          data-testid="rule-group"
          aria-label={t('automation.conditions.group', { number: g + 1 })}
        >
          <div className="rule-row">
            <h4>{t('automation.conditions.group', { number: g + 1 })}</h4>
            <MatchSelect
              label={t('automation.conditions.group_match', { number: g + 1 })}
              value={group.match}
              onChange={(match) => setGroup(g, { match })}
            />
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => onChange({ groups: form.groups.filter((_, i) => i !== g) })}
            >
              {t('automation.conditions.remove_group', { number: g + 1 })}
            </button>
          </div>
          <ol className="rule-conditions">
            {group.conditions.map((condition, c) => {
              const number = ++count;
              const path = `groups.${g}.conditions.${c}`;
              const errorId = errors[path] ? `rule-error-${condition.key}` : undefined;
              return (
                <li key={condition.key} className="rule-condition" data-testid="rule-condition">
                  <select
                    className="select"
                    name="conditionField"
                    aria-label={t('automation.conditions.field', { number })}
                    value={condition.field}
                    onChange={(e) => {
                      const field = e.target.value as ConditionForm['field'];
                      setCondition(g, c, { ...emptyCondition(field), key: condition.key });
                    }}
                  >
                    {CONDITION_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(`automation.field.${field}`)}
                      </option>
                    ))}
                  </select>
                  {condition.field === 'contact_attribute' && (
                    <select
                      className="select"
                      aria-label={t('automation.conditions.attribute', { number })}
                      value={condition.attributeKey}
                      onChange={(e) =>
                        setCondition(g, c, { attributeKey: e.target.value, attributeValue: '' })
                      }
                    >
                      <option value="">{t('automation.conditions.choose_attribute')}</option>
                      {(choices.attributes ?? []).map((a) => (
                        <option key={a.key} value={a.key}>
                          {a.label}
                        </option>
                      ))}
                    </select>
                  )}
                  <select
                    className="select"
                    name="conditionOp"
                    aria-label={t('automation.conditions.op', { number })}
                    value={condition.op}
                    onChange={(e) => setCondition(g, c, { op: e.target.value })}
                  >
                    {CONDITION_OPS[condition.field].map((op) => (
                      <option key={op} value={op}>
                        {t(`automation.op.${op}` as `automation.op.is`)}
                      </option>
                    ))}
                  </select>
                  <ConditionValue
                    condition={condition}
                    number={number}
                    choices={choices}
                    errorId={errorId}
                    onChange={(patch) => setCondition(g, c, patch)}
                  />
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() =>
                      setGroup(g, { conditions: group.conditions.filter((_, i) => i !== c) })
                    }
                  >
                    {t('automation.conditions.remove', { number })}
                  </button>
                  {errorId && <FieldError id={errorId} message={errors[path]} />}
                </li>
              );
            })}
          </ol>
          <FieldError id={`rule-error-${group.key}`} message={errors[`groups.${g}`]} />
          <button
            type="button"
            className="button button--small"
            data-testid="rule-add-condition"
            onClick={() => setGroup(g, { conditions: [...group.conditions, emptyCondition()] })}
          >
            {t('automation.conditions.add')}
          </button>
        </section>
      ))}
      <button
        type="button"
        className="button button--small"
        data-testid="rule-add-group"
        onClick={() => onChange({ groups: [...form.groups, emptyGroup()] })}
      >
        {t('automation.conditions.add_group')}
      </button>
    </fieldset>
  );
}
