import type { ContactAttributeDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

/** One custom attribute's input, by its type. */
export function AttributeField({
  def,
  value,
  onChange,
}: {
  def: ContactAttributeDto;
  value: string;
  onChange: (text: string) => void;
}) {
  const common = {
    id: `attr-${def.key}`,
    'data-testid': `contact-attr-input-${def.key}`,
    'aria-label': def.label,
    value,
  };
  let input;
  if (def.type === 'boolean' || def.type === 'list') {
    const options =
      def.type === 'boolean'
        ? [
            { value: 'true', label: t('contact.attr.yes') },
            { value: 'false', label: t('contact.attr.no') },
          ]
        : def.options.map((o) => ({ value: o, label: o }));
    input = (
      <select className="select" {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('contact.attr.unset')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        className="input"
        type={def.type === 'date' ? 'date' : 'text'}
        inputMode={def.type === 'number' ? 'decimal' : undefined}
        dir="auto"
        maxLength={1000}
        {...common}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <label className="contact-card__field" htmlFor={`attr-${def.key}`}>
      <span>{def.label}</span>
      {input}
    </label>
  );
}
