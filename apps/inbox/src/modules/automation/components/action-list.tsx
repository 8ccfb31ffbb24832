import { t } from '../../../i18n/i18n';
import type { RuleChoices } from '../hooks/use-rule-choices';
import type { FormErrors } from '../utils/build-rule-input';
import { ACTION_TYPES, emptyAction, moveItem, type ActionForm } from '../utils/rule-form';
import { ActionFields } from './action-fields';
import { FieldError } from './field-error';

/** "Then": the actions, run in this order; added, removed and moved with labelled buttons. */
export function ActionList({
  actions,
  onChange,
  choices,
  errors,
  disabled,
}: {
  actions: ActionForm[];
  onChange: (actions: ActionForm[]) => void;
  choices: RuleChoices;
  errors: FormErrors;
  disabled: boolean;
}) {
  const setAction = (i: number, patch: Partial<ActionForm>) =>
    onChange(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="rule-section" disabled={disabled} data-testid="rule-actions">
      <legend>{t('automation.actions.legend')}</legend>
      <ol className="rule-actions">
        {actions.map((action, i) => {
          const number = i + 1;
          const errorId = errors[`actions.${i}`] ? `rule-error-${action.key}` : undefined;
          return (
            <li key={action.key} className="rule-action" data-testid="rule-action">
              <select
                className="select"
                name="actionType"
                aria-label={t('automation.actions.type', { number })}
                value={action.type}
                onChange={(e) => setAction(i, { type: e.target.value as ActionForm['type'] })}
              >
                {ACTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`automation.action.${type}`)}
                  </option>
                ))}
              </select>
              <ActionFields
                action={action}
                choices={choices}
                errorId={errorId}
                onChange={(patch) => setAction(i, patch)}
              />
              <span className="rule-action__tools">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('automation.actions.up', { number })}
                  disabled={i === 0}
                  onClick={() => onChange(moveItem(actions, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('automation.actions.down', { number })}
                  disabled={i === actions.length - 1}
                  onClick={() => onChange(moveItem(actions, i, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => onChange(actions.filter((_, j) => j !== i))}
                >
                  {t('automation.actions.remove', { number })}
                </button>
              </span>
              {errorId && <FieldError id={errorId} message={errors[`actions.${i}`]} />}
            </li>
          );
        })}
      </ol>
      <FieldError id="rule-error-actions" message={errors['actions']} />
      <button
        type="button"
        className="button button--small"
        data-testid="rule-add-action"
        onClick={() => onChange([...actions, emptyAction()])}
      >
        {t('automation.actions.add')}
      </button>
    </fieldset>
  );
}
