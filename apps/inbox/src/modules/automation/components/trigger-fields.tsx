import { RULE_EVENT_TRIGGERS, RULE_TIME_TRIGGERS } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import type { TriggerForm } from '../utils/rule-form';
import { DurationInput } from './duration-input';

/** "When": an event, or a situation lasting longer than an amount of time. */
export function TriggerFields({
  trigger,
  onChange,
  error,
  disabled,
}: {
  trigger: TriggerForm;
  onChange: (trigger: TriggerForm) => void;
  error?: string;
  disabled: boolean;
}) {
  const set = (patch: Partial<TriggerForm>) => onChange({ ...trigger, ...patch });
  return (
    <fieldset className="rule-section" disabled={disabled} data-testid="rule-trigger">
      <legend>{t('automation.trigger.legend')}</legend>
      <div className="rule-row">
        <label className="rule-label">
          <span>{t('automation.trigger.kind')}</span>
          <select
            className="select"
            name="triggerKind"
            value={trigger.kind}
            onChange={(e) => set({ kind: e.target.value as TriggerForm['kind'] })}
          >
            <option value="event">{t('automation.trigger.kind.event')}</option>
            <option value="time">{t('automation.trigger.kind.time')}</option>
          </select>
        </label>
        {trigger.kind === 'event' ? (
          <label className="rule-label">
            <span>{t('automation.trigger.event')}</span>
            <select
              className="select"
              name="triggerEvent"
              value={trigger.event}
              onChange={(e) => set({ event: e.target.value as TriggerForm['event'] })}
            >
              {RULE_EVENT_TRIGGERS.map((event) => (
                <option key={event} value={event}>
                  {t(`automation.event.${event}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="rule-label">
              <span>{t('automation.trigger.after')}</span>
              <select
                className="select"
                name="triggerAfter"
                value={trigger.after}
                onChange={(e) => set({ after: e.target.value as TriggerForm['after'] })}
              >
                {RULE_TIME_TRIGGERS.map((after) => (
                  <option key={after} value={after}>
                    {t(`automation.after.${after}`)}
                  </option>
                ))}
              </select>
            </label>
            <DurationInput
              label={t('automation.trigger.amount')}
              value={trigger.delay}
              onChange={(delay) => set({ delay })}
              error={error}
              testId="rule-trigger-delay"
            />
          </>
        )}
      </div>
    </fieldset>
  );
}
