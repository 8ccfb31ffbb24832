import type { RuleDto } from '@switchboard/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { automationApi } from '../api/automation-api';
import { useRuleChoices } from '../hooks/use-rule-choices';
import { useRulesStore } from '../store/rules-store';
import { buildRuleInput, type FormErrors } from '../utils/build-rule-input';
import { emptyRuleForm, ruleToForm, type RuleForm } from '../utils/rule-form';
import { serverFieldErrors, serverRefusalText } from '../utils/server-refusal';
import { ActionList } from './action-list';
import { ConditionGroups } from './condition-groups';
import { ConfirmDialog } from './confirm-dialog';
import { FieldError } from './field-error';
import { RuleLog } from './rule-log';
import { TriggerFields } from './trigger-fields';
import { TryRule } from './try-rule';
import { errorText } from '../../../shared/api/error-text';

/**
 * One rule: name, trigger, conditions, actions; saved as a whole. A refusal by the server (a loop
 * naming rules, an unknown attribute ...) is shown above the buttons and the form keeps everything.
 */
export function RuleEditor({ rule, readOnly }: { rule: RuleDto | null; readOnly: boolean }) {
  const [form, setForm] = useState<RuleForm>(() => (rule ? ruleToForm(rule) : emptyRuleForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const choices = useRuleChoices();
  const nameRef = useRef<HTMLInputElement>(null);
  const back = () => useRulesStore.getState().show({ name: 'rules' });

  useEffect(() => nameRef.current?.focus(), []);

  const patch = (next: Partial<RuleForm>) => setForm((f) => ({ ...f, ...next }));
  const build = () => buildRuleInput(form, { attributes: choices.attributes });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = build();
    setRefusal(null);
    if (!built.ok) {
      setErrors(built.errors);
      setRefusal(t('automation.editor.fix_errors'));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = rule
        ? await automationApi.update(rule.id, built.input)
        : await automationApi.create(built.input);
      useRulesStore.getState().saved(saved);
      useToastStore.getState().show(t('automation.editor.saved'));
      back();
    } catch (error) {
      setErrors(serverFieldErrors(error));
      setRefusal(t('automation.editor.refused', { message: serverRefusalText(error) }));
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!rule) return;
    setConfirming(false);
    setBusy(true);
    try {
      await automationApi.remove(rule.id);
      useRulesStore.getState().removed(rule.id);
      back();
    } catch (error) {
      setRefusal(errorText(error));
      setBusy(false);
    }
  };

  return (
    <div className="rule-editor" data-testid="rule-editor">
      <form
        className="rule-editor__form"
        onSubmit={submit}
        noValidate
        aria-labelledby="rule-editor-title"
      >
        <h2 id="rule-editor-title">
          {t(rule ? 'automation.editor.edit_title' : 'automation.editor.new_title')}
        </h2>
        <fieldset className="rule-section rule-section--plain" disabled={readOnly}>
          <div className="rule-row">
            <label className="rule-label rule-label--wide">
              <span>{t('automation.editor.name')}</span>
              <input
                ref={nameRef}
                className="rule-input"
                name="name"
                maxLength={200}
                aria-invalid={errors['name'] ? true : undefined}
                aria-describedby={errors['name'] ? 'rule-error-name' : undefined}
                value={form.name}
                onChange={(e) => patch({ name: e.target.value })}
              />
            </label>
            <label className="rule-switch">
              <input
                type="checkbox"
                role="switch"
                name="enabled"
                checked={form.enabled}
                onChange={(e) => patch({ enabled: e.target.checked })}
              />
              <span>{t('automation.editor.enabled')}</span>
            </label>
          </div>
          <FieldError id="rule-error-name" message={errors['name']} />
        </fieldset>
        <TriggerFields
          trigger={form.trigger}
          onChange={(trigger) => patch({ trigger })}
          error={errors['trigger.delay']}
          disabled={readOnly}
        />
        <ConditionGroups
          form={form}
          onChange={patch}
          choices={choices}
          errors={errors}
          disabled={readOnly}
        />
        <ActionList
          actions={form.actions}
          onChange={(actions) => patch({ actions })}
          choices={choices}
          errors={errors}
          disabled={readOnly}
        />
        {refusal && (
          <p
            className="form-error rule-editor__refusal"
            role="alert"
            data-testid="rule-editor-error"
          >
            {refusal}
          </p>
        )}
        <div className="rule-editor__buttons">
          {!readOnly && (
            <button
              type="submit"
              className="button button--primary"
              data-testid="rule-save"
              disabled={busy}
            >
              {busy ? t('automation.editor.saving') : t('automation.editor.save')}
            </button>
          )}
          <button type="button" className="button" onClick={back}>
            {t('automation.editor.cancel')}
          </button>
          {rule && !readOnly && (
            <button
              type="button"
              className="button button--ghost"
              data-testid="rule-delete"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t('automation.editor.delete')}
            </button>
          )}
        </div>
      </form>
      <TryRule build={build} />
      {rule && <RuleLog ruleId={rule.id} />}
      {confirming && rule && (
        <ConfirmDialog
          title={t('automation.editor.delete_title', { name: rule.name })}
          body={t('automation.editor.delete_body')}
          confirmLabel={t('automation.editor.delete_confirm')}
          cancelLabel={t('automation.editor.delete_cancel')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
