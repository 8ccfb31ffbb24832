import {
  checkAttributeValue,
  type ContactAttributeDto,
  type ContactAttributeValue,
  type UpdateContactRequest,
} from '@switchboard/contracts';
import { AppException } from '../../core/http/app.exception';
import type { ContactFields } from './contact-directory.repository';
import { toE164 } from './phone-number';

type Definitions = Pick<ContactAttributeDto, 'key' | 'type' | 'options'>[];
type Values = Record<string, ContactAttributeValue>;

/**
 * The fields to store from a create or edit: empty text becomes null, the phone becomes E.164
 * (national numbers read in `region`), and the attribute values are checked against their
 * definitions and merged over `current` (null clears one). Anything wrong throws before anything
 * is written: 400 for a phone that is no phone, 422 INVALID_ATTRIBUTE_VALUE naming the attribute.
 */
export function contactFields(
  body: UpdateContactRequest,
  defs: Definitions,
  current: Values,
  region: string | undefined,
  fromText = false,
): ContactFields {
  const fields: ContactFields = {};
  if (body.name !== undefined) fields.name = body.name?.trim() || null;
  if (body.email !== undefined) fields.email = body.email || null;
  if (body.notes !== undefined) fields.notes = body.notes?.trim() ? body.notes : null;
  if (body.phone !== undefined) {
    const raw = body.phone?.trim() || null;
    const phone = raw ? toE164(raw, region) : null;
    if (raw && !phone)
      throw new AppException(
        'VALIDATION_FAILED',
        `phone: "${raw}" is not a phone number (write it with its country code, +49 …)`,
      );
    fields.phone = phone;
  }
  if (body.attributes !== undefined)
    fields.attributes = attributeValues(body.attributes, defs, current, fromText);
  return fields;
}

/** `current` with `changes` applied, each checked against its definition. */
export function attributeValues(
  changes: Record<string, ContactAttributeValue | null>,
  defs: Definitions,
  current: Values,
  fromText = false,
): Values {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const next: Values = { ...current };
  for (const [key, raw] of Object.entries(changes)) {
    const def = byKey.get(key);
    if (!def)
      throw new AppException('INVALID_ATTRIBUTE_VALUE', `Attribute "${key}" is not defined`, {
        attribute: key,
      });
    if (raw === null || (fromText && raw === '')) {
      delete next[key];
      continue;
    }
    const checked = checkAttributeValue(def, raw, fromText);
    if (!checked.ok)
      throw new AppException('INVALID_ATTRIBUTE_VALUE', checked.reason, { attribute: key });
    next[key] = checked.value;
  }
  return next;
}
