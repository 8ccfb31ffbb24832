import type { ContactDto, UpdateContactRequest } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useContactCardStore } from '../store/contact-card-store';
import { attributeFieldText, attributeInput } from '../utils/attribute-text';
import { AttributeField } from './attribute-field';
import { ContactBasicFields, type ContactBasics } from './contact-basic-fields';
import { errorText } from '../../../shared/api/error-text';

/** Edits name, email, phone, notes and attribute values; the server's refusal stays on screen. */
export function ContactCardEditor({ card, onDone }: { card: ContactDto; onDone: () => void }) {
  const defs = useContactCardStore((s) => s.attributes);
  const [basics, setBasics] = useState<ContactBasics>({
    name: card.name ?? '',
    email: card.email ?? '',
    phone: card.phone ?? '',
  });
  const [notes, setNotes] = useState(card.notes ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(defs.map((d) => [d.key, attributeFieldText(card.attributes?.[d.key])])),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: a stored value the server would now refuse (an old channel's phone
    // spelling) must not block saving a note.
    const change: UpdateContactRequest = {};
    const text = (v: string) => v.trim() || null;
    if (text(basics.name) !== card.name) change.name = text(basics.name);
    if (text(basics.email) !== card.email) change.email = text(basics.email);
    if (text(basics.phone) !== card.phone) change.phone = text(basics.phone);
    if ((notes.trim() ? notes : null) !== (card.notes ?? null))
      change.notes = notes.trim() ? notes : null;
    const attributes: NonNullable<UpdateContactRequest['attributes']> = {};
    for (const d of defs) {
      const before = attributeFieldText(card.attributes?.[d.key]);
      if ((values[d.key] ?? '') !== before)
        attributes[d.key] = attributeInput(d, values[d.key] ?? '');
    }
    if (Object.keys(attributes).length > 0) change.attributes = attributes;
    setSaving(true);
    setError(null);
    try {
      await useContactCardStore.getState().save(card.id, change);
      useToastStore.getState().show(t('contact.card.saved'));
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="contact-card__editor"
      data-testid="contact-editor"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <ContactBasicFields value={basics} onChange={setBasics} testIdPrefix="contact-input" />
      <label className="contact-card__field">
        <span>{t('contact.card.notes')}</span>
        <textarea
          className="input"
          dir="auto"
          rows={4}
          maxLength={10000}
          placeholder={t('contact.card.notes_placeholder')}
          value={notes}
          data-testid="contact-input-notes"
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      {defs.map((def) => (
        <AttributeField
          key={def.id}
          def={def}
          value={values[def.key] ?? ''}
          onChange={(text) => setValues((v) => ({ ...v, [def.key]: text }))}
        />
      ))}
      {error && (
        <p className="form-error" role="alert" data-testid="contact-editor-error">
          {t('contact.card.save_failed', { message: error })}
        </p>
      )}
      <div className="contact-card__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          data-testid="contact-save"
        >
          {saving ? t('contact.card.saving') : t('contact.card.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('contact.card.cancel')}
        </button>
      </div>
    </form>
  );
}
