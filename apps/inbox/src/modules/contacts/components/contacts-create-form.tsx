import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { contactsApi } from '../api/contacts-api';

/** A new contact by name, email and/or phone; a duplicate email or phone names who has it. */
export function ContactsCreateForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const created = await contactsApi.create({
        name: name.trim() || null,
        email: email.trim() || null,
        phone: phone.trim() || null,
      });
      useToastStore.getState().show(t('contacts.created'));
      onDone();
      useNavigationStore.getState().go({ name: 'contact', contactId: created.id });
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="contacts-create"
      data-testid="contacts-create"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <label className="contact-card__field">
        <span>{t('contacts.col.name')}</span>
        <input
          className="input"
          dir="auto"
          maxLength={255}
          value={name}
          data-testid="contacts-create-name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="contact-card__field">
        <span>{t('contacts.col.email')}</span>
        <input
          className="input"
          type="email"
          dir="ltr"
          maxLength={254}
          value={email}
          data-testid="contacts-create-email"
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label className="contact-card__field">
        <span>{t('contacts.col.phone')}</span>
        <input
          className="input"
          type="tel"
          dir="ltr"
          maxLength={64}
          value={phone}
          data-testid="contacts-create-phone"
          onChange={(e) => setPhone(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="button button--primary"
        disabled={saving}
        data-testid="contacts-create-submit"
      >
        {t('contacts.create')}
      </button>
      {error && (
        <p className="form-error" role="alert" data-testid="contacts-create-error">
          {t('contacts.create_failed', { message: error })}
        </p>
      )}
    </form>
  );
}
