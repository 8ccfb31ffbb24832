import type { ContactAttributeDto, ContactAttributeValue } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

/** How a stored value reads on the card. */
export function attributeText(
  def: Pick<ContactAttributeDto, 'type'>,
  value: ContactAttributeValue | undefined,
): string {
  if (value === undefined || value === '') return t('contact.attr.unset');
  if (def.type === 'boolean') return value === true ? t('contact.attr.yes') : t('contact.attr.no');
  return String(value);
}

/** A form field's text as the API wants the value: typed, or null to clear. */
export function attributeInput(
  def: Pick<ContactAttributeDto, 'type'>,
  text: string,
): ContactAttributeValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (def.type === 'number') {
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : trimmed; // the server names the attribute when it is no number
  }
  if (def.type === 'boolean') return trimmed === 'true';
  return def.type === 'text' ? text : trimmed;
}

/** The form field's text for a stored value. */
export function attributeFieldText(value: ContactAttributeValue | undefined): string {
  return value === undefined ? '' : String(value);
}

/** "DE" → "Germany", in the operator's language; the code when the browser cannot name it. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
