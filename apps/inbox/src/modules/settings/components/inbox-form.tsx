import type { InboxDto, ReopenPolicy } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/en';
import { useFeedStore } from '../../feed/store/feed-store';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import { useSettingsStore } from '../store/settings-store';
import {
  CHANNEL_FORMS,
  createRequest,
  formValuesFor,
  randomSecret,
  secretSection,
  updateRequest,
  type EditableKind,
  type FieldValue,
  type InboxFormValues,
  type SecretField,
  type SettingField,
} from '../utils/inbox-forms';

const fieldId = (path: string) => `inbox-field-${path.replace(/\./g, '-')}`;

function SettingInput({
  field,
  value,
  onChange,
}: {
  field: SettingField;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
}) {
  const id = fieldId(field.path);
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
        dir={field.inputType === 'url' || field.inputType === 'email' ? 'ltr' : 'auto'}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t(field.label)}</label>
      {control}
    </div>
  );
}

function SecretInput({
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
          dir="ltr"
          value={value}
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
    </div>
  );
}

/** Create or edit one inbox. Keyed by inbox (or new kind) by the caller, so state starts fresh. */
export function InboxForm({
  kind,
  inbox,
  readOnly,
}: {
  kind: EditableKind;
  inbox: InboxDto | null;
  readOnly: boolean;
}) {
  const [values, setValues] = useState<InboxFormValues>(() => formValuesFor(kind, inbox));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(() =>
    inbox && useSettingsStore.getState().justCreatedId === inbox.id ? 'settings.created' : null,
  );
  const form = CHANNEL_FORMS[kind];

  const sections: MessageKey[] = [];
  for (const f of form.fields) if (!sections.includes(f.section)) sections.push(f.section);
  for (const s of form.secrets) {
    const section = secretSection(kind, s.name);
    if (!sections.includes(section)) sections.push(section);
  }

  const setField = (path: string, value: FieldValue) =>
    setValues((v) => ({ ...v, fields: { ...v.fields, [path]: value } }));
  const setSecret = (name: string, value: string) =>
    setValues((v) => ({ ...v, secrets: { ...v.secrets, [name]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || saving) return;
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      const saved = inbox
        ? await inboxesAdminApi.update(inbox.id, updateRequest(inbox, kind, values))
        : await inboxesAdminApi.create(createRequest(kind, values));
      // Typed secrets are sent once and never shown again.
      setValues((v) => ({ ...v, secrets: {} }));
      setNotice(inbox ? 'settings.saved' : 'settings.created');
      useSettingsStore.getState().saved(saved);
      void useFeedStore.getState().loadInboxes();
    } catch (e) {
      // The API explains itself (a refused IMAP login, a bad origin …): show it beside the form.
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="inbox-form"
      data-testid="inbox-form"
      data-kind={kind}
      onSubmit={(e) => void submit(e)}
    >
      <fieldset disabled={readOnly || saving}>
        <section className="settings-panel">
          <h3>{t('settings.section.general')}</h3>
          <div className="field">
            <label htmlFor="inbox-field-name">{t('settings.field.name')}</label>
            <input
              id="inbox-field-name"
              name="name"
              required
              maxLength={100}
              dir="auto"
              value={values.name}
              onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="inbox-field-reopen">{t('settings.field.reopen_policy')}</label>
            <select
              id="inbox-field-reopen"
              name="reopenPolicy"
              value={values.reopenPolicy}
              onChange={(e) =>
                setValues((v) => ({ ...v, reopenPolicy: e.target.value as ReopenPolicy }))
              }
            >
              <option value="reopen">{t('settings.reopen.reopen')}</option>
              <option value="new_conversation">{t('settings.reopen.new_conversation')}</option>
            </select>
          </div>
          {form.fields
            .filter((f) => f.section === 'settings.section.general')
            .map((f) => (
              <SettingInput
                key={f.path}
                field={f}
                value={values.fields[f.path]}
                onChange={(value) => setField(f.path, value)}
              />
            ))}
        </section>
        {sections
          .filter((s) => s !== 'settings.section.general')
          .map((section) => (
            <section className="settings-panel" key={section}>
              <h3>{t(section)}</h3>
              {form.fields
                .filter((f) => f.section === section)
                .map((f) => (
                  <SettingInput
                    key={f.path}
                    field={f}
                    value={values.fields[f.path]}
                    onChange={(value) => setField(f.path, value)}
                  />
                ))}
              {form.secrets
                .filter((s) => secretSection(kind, s.name) === section)
                .map((s) => (
                  <SecretInput
                    key={s.name}
                    secret={s}
                    isSet={inbox?.secretsSet.includes(s.name) ?? false}
                    value={values.secrets[s.name] ?? ''}
                    onChange={(value) => setSecret(s.name, value)}
                  />
                ))}
            </section>
          ))}
      </fieldset>
      {!readOnly && (
        <div className="inbox-form__footer">
          {error && (
            <p className="form-error" role="alert" data-testid="inbox-form-error">
              {t('settings.save_error', { message: error })}
            </p>
          )}
          {notice && !error && (
            <p className="settings-notice" role="status" data-testid="inbox-form-notice">
              {t(notice)}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary"
            data-testid="inbox-form-submit"
            disabled={saving}
          >
            {saving ? t('settings.saving') : t(inbox ? 'settings.save' : 'settings.create')}
          </button>
        </div>
      )}
    </form>
  );
}
