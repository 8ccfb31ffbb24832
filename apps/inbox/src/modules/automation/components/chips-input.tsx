import { useId, useState, type KeyboardEvent } from 'react';
import { t } from '../../../i18n/i18n';

/**
 * Words, phrases, tags or codes as chips: typed and added with Enter (or the Add button), each
 * removable with its own labelled button. `suggestions` fill a datalist (e.g. the account's tags).
 */
export function ChipsInput({
  label,
  values,
  onChange,
  suggestions,
  invalid,
  describedBy,
  testId,
}: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  suggestions?: readonly string[];
  invalid?: boolean;
  describedBy?: string;
  testId?: string;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const hintId = useId();
  const add = () => {
    const value = text.trim();
    if (value && !values.includes(value)) onChange([...values, value]);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="rule-chips" data-testid={testId}>
      <ul className="rule-chips__list" aria-label={label}>
        {values.map((value) => (
          <li key={value} className="rule-chip" data-testid="rule-chip">
            <bdi>{value}</bdi>
            <button
              type="button"
              className="rule-chip__remove"
              aria-label={t('automation.chips.remove', { value })}
              onClick={() => onChange(values.filter((v) => v !== value))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="rule-input"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        value={text}
        list={suggestions?.length ? listId : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
      />
      <button type="button" className="button button--small" onClick={add}>
        {t('automation.chips.add')}
      </button>
      <span id={hintId} className="visually-hidden">
        {t('automation.chips.hint')}
      </span>
      {suggestions?.length ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
