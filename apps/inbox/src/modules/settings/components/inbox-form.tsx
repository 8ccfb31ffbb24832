import type { InboxDto, ReopenPolicy } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/en';
import { useFeedStore } from '../../feed/store/feed-store';
import { inboxesAdminApi } from '../api/inboxes-admin-api';
import { useSettingsStore } from '../store/settings-store';
import { CHANNEL_FORMS, secretSection, type EditableKind } from '../utils/channel-forms';
import {
  createRequest,
  formValuesFor,
  updateRequest,
  type FieldValue,
  type InboxFormValues,
} from '../utils/inbox-forms';
import { EmailOAuthConnect } from './email-oauth-connect';
import { SecretInput, SettingInput } from './inbox-form-fields';
import { errorText } from '../../../shared/api/error-text';

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
  // A mailbox connected with Google or Microsoft has tokens instead of passwords.
  const signsInWithOAuth =
    kind === 'email' && (inbox?.secretsSet.includes('refreshToken') ?? false);
  const secretFields = signsInWithOAuth ? [] : form.secrets;

  const sections: MessageKey[] = [];
  for (const f of form.fields) if (!sections.includes(f.section)) sections.push(f.section);
  for (const s of secretFields) {
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
      setError(errorText(e));
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
        {kind === 'email' && !readOnly && <EmailOAuthConnect inbox={inbox} values={values} />}
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
              {secretFields
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
