import { t } from '../../../i18n/i18n';

export interface ContactBasics {
  name: string;
  email: string;
  phone: string;
}

/**
 * Name, email and phone as the create form and the card editor both ask for them: names in any
 * direction, addresses and numbers always left to right, the server's length limits.
 */
export function ContactBasicFields({
  value,
  onChange,
  testIdPrefix,
}: {
  value: ContactBasics;
  onChange: (next: ContactBasics) => void;
  /** `contact-input` gives `contact-input-name`, `-email`, `-phone`. */
  testIdPrefix: string;
}) {
  return (
    <>
      <label className="contact-card__field">
        <span>{t('contact.card.name')}</span>
        <input
          className="input"
          dir="auto"
          maxLength={255}
          value={value.name}
          data-testid={`${testIdPrefix}-name`}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </label>
      <label className="contact-card__field">
        <span>{t('contact.card.email')}</span>
        <input
          className="input"
          type="email"
          dir="ltr"
          maxLength={254}
          value={value.email}
          data-testid={`${testIdPrefix}-email`}
          onChange={(e) => onChange({ ...value, email: e.target.value })}
        />
      </label>
      <label className="contact-card__field">
        <span>{t('contact.card.phone')}</span>
        <input
          className="input"
          type="tel"
          dir="ltr"
          maxLength={64}
          value={value.phone}
          data-testid={`${testIdPrefix}-phone`}
          onChange={(e) => onChange({ ...value, phone: e.target.value })}
        />
      </label>
    </>
  );
}
