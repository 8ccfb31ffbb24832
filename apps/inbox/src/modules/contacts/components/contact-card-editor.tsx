import type { ContactDto, UpdateContactRequest } from '@switchboard/contracts';
import { useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useContactCardStore } from '../store/contact-card-store';
import { attributeFieldText, attributeInput } from '../utils/attribute-text';
import { AttributeField } from './attribute-field';

/** Edits name, email, phone, notes and attribute values; the server's refusal stays on screen. */
export function ContactCardEditor({ card, onDone }: { card: ContactDto; onDone: () => void }) {
  const defs = useContactCardStore((s) => s.attributes);
  const [name, setName] = useState(card.name ?? '');
  const [email, setEmail] = useState(card.email ?? '');
  const [phone, setPhone] = useState(card.phone ?? '');
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
    if (text(name) !== card.name) change.name = text(name);
    if (text(email) !== card.email) change.email = text(email);
    if (text(phone) !== card.phone) change.phone = text(phone);
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
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
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
      <label className="contact-card__field">
        <span>{t('contact.card.name')}</span>
        <input
          className="input"
          dir="auto"
          maxLength={255}
          value={name}
          data-testid="contact-input-name"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="contact-card__field">
        <span>{t('contact.card.email')}</span>
        <input
          className="input"
          type="email"
          dir="ltr"
          maxLength={254}
          value={email}
          data-testid="contact-input-email"
          onChange={(e) => setEmail(e.target.value)}
        />
      </label>
      <label className="contact-card__field">
        <span>{t('contact.card.phone')}</span>
        <input
          className="input"
          type="tel"
          dir="ltr"
          maxLength={64}
          value={phone}
          data-testid="contact-input-phone"
          onChange={(e) => setPhone(e.target.value)}
        />
      </label>
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
