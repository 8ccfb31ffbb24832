import type { InboxDto } from '@switchboard/contracts';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { inboxesAdminApi } from '../../settings/api/inboxes-admin-api';
import { useSettingsStore } from '../../settings/store/settings-store';
import { nextRow, rowsOfSettings, withType, type PreChatRow } from './prechat-rows';
import './prechat-fields-panel.css';
import { errorText } from '../../../shared/api/error-text';

const MAX_FIELDS = 10;
const TYPES: readonly PreChatRow['type'][] = ['name', 'email', 'text'];

/**
 * Settings → a web chat inbox → the questions the widget asks before a visitor's first message;
 * on an email or API inbox, the questions of the customer portal's New request form.
 * The server validates what is saved (keys, labels, one name and one email question at most).
 */
export function PreChatFieldsPanel({ inbox, readOnly }: { inbox: InboxDto; readOnly: boolean }) {
  const [rows, setRows] = useState<PreChatRow[]>(() => rowsOfSettings(inbox.settings));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const patch = (index: number, change: (row: PreChatRow) => PreChatRow) =>
    setRows((current) => current.map((r, i) => (i === index ? change(r) : r)));

  const save = async () => {
    try {
      const saved = await inboxesAdminApi.update(inbox.id, { settings: { preChatFields: rows } });
      useSettingsStore.getState().saved(saved);
      setRows(rowsOfSettings(saved.settings));
      setMessage({ text: t('prechat.saved'), error: false });
    } catch (error) {
      setMessage({ text: t('prechat.failed', { message: errorText(error) }), error: true });
    }
  };

  return (
    <section className="settings-section" data-testid="prechat-fields" aria-labelledby="pc-title">
      <h3 id="pc-title">{t('prechat.title')}</h3>
      <p className="settings-hint">
        {t(inbox.kind === 'webchat' ? 'prechat.hint' : 'prechat.hint_portal')}
      </p>
      {rows.length === 0 && <p className="settings-hint">{t('prechat.empty')}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {rows.map((row, index) => (
          <fieldset
            key={index}
            className="prechat-row"
            data-testid="prechat-row"
            disabled={readOnly}
          >
            <legend>{t('prechat.row', { number: index + 1 })}</legend>
            <label className="field">
              <span>{t('prechat.type')}</span>
              <select
                className="select"
                value={row.type}
                data-testid="prechat-type"
                onChange={(e) =>
                  patch(index, (r) => withType(r, e.target.value as PreChatRow['type']))
                }
              >
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`prechat.type.${type}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('prechat.label')}</span>
              <input
                value={row.label}
                maxLength={100}
                required
                dir="auto"
                data-testid="prechat-label"
                onChange={(e) => patch(index, (r) => ({ ...r, label: e.target.value }))}
              />
            </label>
            {row.type === 'text' && (
              <label className="field">
                <span>{t('prechat.key')}</span>
                <input
                  value={row.key}
                  maxLength={40}
                  required
                  pattern="[a-z][a-z0-9_]*"
                  dir="ltr"
                  data-testid="prechat-key"
                  onChange={(e) => patch(index, (r) => ({ ...r, key: e.target.value }))}
                />
              </label>
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={row.required}
                data-testid="prechat-required"
                onChange={(e) => patch(index, (r) => ({ ...r, required: e.target.checked }))}
              />
              {t('prechat.required')}
            </label>
            {!readOnly && (
              <button
                type="button"
                className="button button--small"
                onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
              >
                {t('prechat.remove', { number: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {!readOnly && (
          <div className="prechat-actions">
            {rows.length < MAX_FIELDS && (
              <button
                type="button"
                className="button button--small"
                data-testid="prechat-add"
                onClick={() => setRows((current) => [...current, nextRow(current)])}
              >
                {t('prechat.add')}
              </button>
            )}
            <button type="submit" className="button button--small" data-testid="prechat-save">
              {t('prechat.save')}
            </button>
          </div>
        )}
        {message && (
          <p
            className={message.error ? 'form-error' : 'settings-hint'}
            role={message.error ? 'alert' : 'status'}
            data-testid="prechat-message"
          >
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
