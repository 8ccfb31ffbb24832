import { t } from '../../../i18n/i18n';
import type { SecretField, SettingField } from '../utils/channel-forms';
import { randomSecret, type FieldValue } from '../utils/inbox-forms';

const fieldId = (path: string) => `inbox-field-${path.replace(/\./g, '-')}`;

/** One channel setting as the control its type calls for, labelled. */
export function SettingInput({
  field,
  value,
  onChange,
}: {
  field: SettingField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
}) {
  const id = fieldId(field.path);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const text = typeof value === 'string' ? value : '';
  if (field.type === 'checkbox') {
    return (
      <label className="settings-check">
        <input
          type="checkbox"
          name={field.path}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        {t(field.label)}
      </label>
    );
  }
  let control;
  if (field.type === 'select') {
    control = (
      <select id={id} name={field.path} value={text} onChange={(e) => onChange(e.target.value)}>
        {field.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.label)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'textarea' || field.type === 'lines') {
    control = (
      <textarea
        id={id}
        name={field.path}
        rows={field.type === 'lines' ? 3 : 2}
        dir={field.type === 'lines' ? 'ltr' : 'auto'}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    control = (
      <input
        id={id}
        name={field.path}
        type={field.type === 'number' ? 'number' : (field.inputType ?? 'text')}
        dir={field.ltr || field.inputType === 'url' || field.inputType === 'email' ? 'ltr' : 'auto'}
        spellCheck={field.ltr ? false : undefined}
        aria-describedby={hintId}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t(field.label)}</label>
      {control}
      {field.hint && (
        <p className="settings-hint" id={hintId}>
          {t(field.hint)}
        </p>
      )}
    </div>
  );
}

/**
 * A write-only secret: says whether one is stored, never shows it; left empty it keeps the stored
 * value.
 */
export function SecretInput({
  secret,
  isSet,
  value,
  onChange,
}: {
  secret: SecretField;
  isSet: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `inbox-secret-${secret.name}`;
  const hintId = `${id}-hint`;
  return (
    <div className="field" data-testid={`secret-${secret.name}`}>
      <label htmlFor={id}>
        {t(secret.label)}{' '}
        <span
          className={`chip secret-state secret-state--${isSet ? 'set' : 'unset'}`}
          data-testid="secret-state"
        >
          {t(isSet ? 'settings.secret.set' : 'settings.secret.not_set')}
        </span>
      </label>
      <div className="settings-secret">
        <input
          id={id}
          name={secret.name}
          // A generated value is shown so the admin can copy it to the other side.
          type={secret.generate ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          dir="ltr"
          value={value}
          required={secret.required === true && !isSet}
          aria-describedby={secret.hint ? hintId : undefined}
          placeholder={isSet ? t('settings.secret.keep') : ''}
          onChange={(e) => onChange(e.target.value)}
        />
        {secret.generate && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onChange(randomSecret())}
          >
            {t('settings.secret.generate')}
          </button>
        )}
      </div>
      {secret.hint && (
        <p className="settings-hint" id={hintId}>
          {t(secret.hint)}{' '}
          {secret.hintLink && (
            <a href={secret.hintLink.href} target="_blank" rel="noopener noreferrer">
              {t(secret.hintLink.label)}
            </a>
          )}
        </p>
      )}
    </div>
  );
}
