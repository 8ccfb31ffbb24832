import { CONTACT_ATTRIBUTE_TYPES, type ContactAttributeType } from '@switchboard/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { contactsApi } from '../api/contacts-api';
import { useContactCardStore } from '../store/contact-card-store';
import '../contacts.css';
import { errorText } from '../../../shared/api/error-text';

async function run(
  action: () => Promise<unknown>,
  done: 'attributes.added' | 'attributes.deleted',
) {
  try {
    await action();
    useToastStore.getState().show(t(done));
    await useContactCardStore.getState().loadAttributes(true);
    return true;
  } catch (error) {
    const message = errorText(error);
    useToastStore.getState().show(t('attributes.failed', { message }), 'error');
    return false;
  }
}

/** Settings → Contact attributes: the account's custom fields (admins add and delete them). */
export function ContactAttributesPanel({ readOnly }: { readOnly: boolean }) {
  const attributes = useContactCardStore((s) => s.attributes);
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<ContactAttributeType>('text');
  const [options, setOptions] = useState('');

  useEffect(() => {
    void useContactCardStore.getState().loadAttributes(true);
  }, []);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      key: key.trim(),
      label: label.trim(),
      type,
      options:
        type === 'list'
          ? options
              .split(',')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
    };
    if (await run(() => contactsApi.createAttribute(body), 'attributes.added')) {
      setKey('');
      setLabel('');
      setOptions('');
    }
  };

  return (
    <div
      className="settings__detail"
      data-testid="contact-attributes-admin"
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2>{t('attributes.title')}</h2>
      <p className="settings-hint">{t('attributes.hint')}</p>
      {attributes.length === 0 && <p className="settings-hint">{t('attributes.empty')}</p>}
      <ul className="settings__list">
        {attributes.map((a) => (
          <li
            key={a.id}
            className="attributes-admin__row"
            data-testid="attributes-admin-row"
            data-key={a.key}
          >
            <strong dir="auto">{a.label}</strong>
            <code>{a.key}</code>
            <span className="settings-hint">
              {t(`attributes.type.${a.type}`)}
              {a.options.length > 0 ? `: ${a.options.join(', ')}` : ''}
            </span>
            {!readOnly && (
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() =>
                  void run(() => contactsApi.deleteAttribute(a.id), 'attributes.deleted')
                }
              >
                {t('attributes.delete', { label: a.label })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="contacts-create"
          onSubmit={(e) => void add(e)}
          data-testid="attributes-admin-form"
        >
          <label className="contact-card__field">
            <span>{t('attributes.label')}</span>
            <input
              className="input"
              dir="auto"
              maxLength={80}
              value={label}
              data-testid="attributes-admin-label"
              onChange={(e) => setLabel(e.target.value)}
            />
          </label>
          <label className="contact-card__field">
            <span>{t('attributes.key')}</span>
            <input
              className="input"
              dir="ltr"
              maxLength={40}
              pattern="[a-z][a-z0-9_]*"
              value={key}
              data-testid="attributes-admin-key"
              onChange={(e) => setKey(e.target.value)}
            />
          </label>
          <label className="contact-card__field">
            <span>{t('attributes.type')}</span>
            <select
              className="select"
              value={type}
              data-testid="attributes-admin-type"
              onChange={(e) => setType(e.target.value as ContactAttributeType)}
            >
              {CONTACT_ATTRIBUTE_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`attributes.type.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {type === 'list' && (
            <label className="contact-card__field">
              <span>{t('attributes.options')}</span>
              <input
                className="input"
                dir="auto"
                value={options}
                data-testid="attributes-admin-options"
                onChange={(e) => setOptions(e.target.value)}
              />
            </label>
          )}
          <button
            type="submit"
            className="button button--primary"
            data-testid="attributes-admin-add"
          >
            {t('attributes.add')}
          </button>
        </form>
      )}
    </div>
  );
}
