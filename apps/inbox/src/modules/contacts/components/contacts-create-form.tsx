import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { contactsApi } from '../api/contacts-api';
import { ContactBasicFields, type ContactBasics } from './contact-basic-fields';
import { errorText } from '../../../shared/api/error-text';

/** A new contact by name, email and/or phone; a duplicate email or phone names who has it. */
export function ContactsCreateForm({ onDone }: { onDone: () => void }) {
  const [basics, setBasics] = useState<ContactBasics>({ name: '', email: '', phone: '' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const created = await contactsApi.create({
        name: basics.name.trim() || null,
        email: basics.email.trim() || null,
        phone: basics.phone.trim() || null,
      });
      useToastStore.getState().show(t('contacts.created'));
      onDone();
      useNavigationStore.getState().go({ name: 'contact', contactId: created.id });
    } catch (e) {
      setError(errorText(e));
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
      <ContactBasicFields value={basics} onChange={setBasics} testIdPrefix="contacts-create" />
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
