import { useId } from 'react';
import { t } from '../../../i18n/i18n';
import { DURATION_UNITS, type DurationForm } from '../utils/rule-form';

/** An amount and a unit (minutes, hours, days), as one labelled group. */
export function DurationInput({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: DurationForm;
  onChange: (value: DurationForm) => void;
  error?: string;
  testId?: string;
}) {
  const errorId = useId();
  return (
    <span className="rule-duration" role="group" aria-label={label} data-testid={testId}>
      <input
        className="rule-input rule-input--number"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={value.amount}
        onChange={(e) => onChange({ ...value, amount: e.target.value })}
      />
      <select
        className="select"
        aria-label={t('automation.trigger.unit')}
        value={value.unit}
        onChange={(e) => onChange({ ...value, unit: e.target.value as DurationForm['unit'] })}
      >
        {DURATION_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {t(`automation.unit.${unit}`)}
          </option>
        ))}
      </select>
      {error && (
        <span id={errorId} className="form-error" role="alert" data-testid="rule-field-error">
          {error}
        </span>
      )}
    </span>
  );
}
