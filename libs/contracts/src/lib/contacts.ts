import { z } from 'zod';
import type { ChannelKind, ConversationStatus } from './enums';
import { cleanText, safeText } from './safe-text';

// The customer card, the Contacts screen and the account's custom contact attributes.

export interface ContactIdentityDto {
  id: string;
  inboxId: string;
  /** The inbox's name, for "Telegram · Support bot". */
  inboxName?: string;
  channel: ChannelKind;
  externalId: string;
  displayName: string | null;
  /** Their public handle on the channel (a Telegram @username, without the @). */
  username?: string | null;
  /** The language their app runs in, as the channel reports it. */
  language?: string | null;
  /** ISO 3166 country of a phone handle (WhatsApp, SMS), from its number; null when unknown. */
  country?: string | null;
  /** Why they cannot be reached here now (blocked the bot); null while they can. */
  unreachableReason?: string | null;
  lastSeenAt?: string;
}

/** A custom attribute's value: text, list choice and date (YYYY-MM-DD) are strings. */
export type ContactAttributeValue = string | number | boolean;

export interface ContactDto {
  id: string;
  name: string | null;
  email: string | null;
  /** E.164 ("+4915112345678") when it could be normalised, else as entered by a channel. */
  phone: string | null;
  identities: ContactIdentityDto[];
  createdAt: string;
  /** Free text the team keeps about the person. */
  notes?: string | null;
  /** Values of the account's custom attributes, by attribute key. */
  attributes?: Record<string, ContactAttributeValue>;
  /** Languages the channels reported, most recent identity first, without repeats. */
  languages?: string[];
  /** Countries known from their phone numbers (ISO 3166 alpha-2). */
  countries?: string[];
  /** The last time any of their identities wrote; createdAt when none did. */
  lastSeenAt?: string;
}

/** A row of the Contacts screen. */
export interface ContactListItemDto {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The channels they wrote from, without repeats. */
  channels: ChannelKind[];
  createdAt: string;
  lastSeenAt: string;
}

/** One of the contact's conversations, on any channel (only inboxes the viewer may see). */
export interface ContactConversationDto {
  id: string;
  number: number;
  status: ConversationStatus;
  channel: ChannelKind;
  inboxId: string;
  inboxName: string;
  subject: string | null;
  lastMessagePreview: string | null;
  lastActivityAt: string;
}

export const CONTACT_ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean', 'list'] as const;
export type ContactAttributeType = (typeof CONTACT_ATTRIBUTE_TYPES)[number];

export interface ContactAttributeDto {
  id: string;
  /** Stable machine name: the CSV column and the feed filter's `attr=key:value`. */
  key: string;
  label: string;
  type: ContactAttributeType;
  /** The choices of a `list` attribute; empty for the other types. */
  options: string[];
  createdAt: string;
}

export interface ContactImportResultDto {
  created: number;
  updated: number;
}

/** One refused row of an import (the import changes nothing while any row is refused). */
export interface ContactImportRowError {
  /** 1-based line of the CSV record; the header is row 1. */
  row: number;
  message: string;
}

export const MAX_ATTRIBUTE_TEXT_LENGTH = 1000;
export const MAX_CONTACT_NOTES_LENGTH = 10_000;
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export type AttributeCheck =
  { ok: true; value: ContactAttributeValue } | { ok: false; reason: string };

/**
 * Whether a value fits an attribute definition, as JSON sends it (a number as a number, yes/no as
 * a boolean) or, with `fromText`, as a CSV cell or a form field spells it ("42", "yes").
 */
export function checkAttributeValue(
  def: Pick<ContactAttributeDto, 'key' | 'type' | 'options'>,
  raw: unknown,
  fromText = false,
): AttributeCheck {
  const fail = (what: string): AttributeCheck => ({
    ok: false,
    reason: `Attribute "${def.key}" must be ${what}`,
  });
  switch (def.type) {
    case 'text':
      if (typeof raw !== 'string') return fail('text');
      if (raw.length > MAX_ATTRIBUTE_TEXT_LENGTH)
        return fail(`at most ${MAX_ATTRIBUTE_TEXT_LENGTH} characters`);
      return { ok: true, value: raw };
    case 'number': {
      const n =
        typeof raw === 'number' ? raw : fromText && typeof raw === 'string' ? textNumber(raw) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : fail('a number');
    }
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw.trim())
        ? { ok: true, value: raw.trim() }
        : fail('a date (YYYY-MM-DD)');
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = fromText && typeof raw === 'string' ? raw.trim().toLowerCase() : '';
      if (['true', 'yes', '1'].includes(word)) return { ok: true, value: true };
      if (['false', 'no', '0'].includes(word)) return { ok: true, value: false };
      return fail('yes or no (true/false)');
    }
    case 'list':
      return typeof raw === 'string' && def.options.includes(raw)
        ? { ok: true, value: raw }
        : fail(`one of: ${def.options.join(', ')}`);
  }
}

/** A decimal number as text ("-3.5", "42"); NaN for anything else (no hex, no exponents). */
function textNumber(text: string): number {
  const t = text.trim();
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c >= '0' && c <= '9') digits++;
    else if (c === '.') dots++;
    else if (!(i === 0 && c === '-')) return NaN;
  }
  return digits > 0 && dots <= 1 && t.length <= 30 ? Number(t) : NaN;
}

/** "2026-02-28" is a date; "2026-02-30", "2026-2-3" and year 0000 are not. */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const [y, m, d] = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10)].map(Number);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y! < 1) return false;
  const date = new Date(Date.UTC(2000, m! - 1, d));
  date.setUTCFullYear(y!);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

/** Initials for an avatar without a picture: "Ada Lovelace" → "AL", "bob@x.test" → "B". */
export function contactInitials(label: string | null | undefined): string {
  const words = (label ?? '').trim().split(/\s+/).filter(Boolean);
  const first = (w: string | undefined) => (w ? (Array.from(w)[0] ?? '').toUpperCase() : '');
  if (words.length === 0) return '?';
  return words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
}

const attributeValueField = z.union([
  safeText().max(MAX_ATTRIBUTE_TEXT_LENGTH),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);

/** Attribute values by key; null clears one. The server checks each against its definition. */
const attributeValuesField = z
  .record(z.string().max(40), attributeValueField)
  .refine((r) => Object.keys(r).length <= 100, 'At most 100 attributes at once');

const contactFields = {
  name: cleanText().trim().max(255).nullable(),
  email: z.string().trim().toLowerCase().email('Not an email address').max(254).nullable(),
  phone: safeText().trim().max(64).nullable(),
  notes: safeText().max(MAX_CONTACT_NOTES_LENGTH).nullable(),
  attributes: attributeValuesField,
};

export const createContactRequestSchema = z
  .object(contactFields)
  .partial()
  .refine((c) => Boolean(c.name?.trim() || c.email || c.phone?.trim()), {
    message: 'A contact needs a name, an email or a phone number',
    path: ['name'],
  });
export type CreateContactRequest = z.infer<typeof createContactRequestSchema>;

export const updateContactRequestSchema = z.object(contactFields).partial();
export type UpdateContactRequest = z.infer<typeof updateContactRequestSchema>;

export const listContactsQuerySchema = z.object({
  /** Part of a name or email, or phone digits. */
  q: safeText().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;

export const listContactConversationsQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListContactConversationsQuery = z.infer<typeof listContactConversationsQuerySchema>;

export const createContactAttributeRequestSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(ATTRIBUTE_KEY_PATTERN, 'key: lower-case letters, digits and _, starting with a letter'),
  label: cleanText().trim().min(1, 'label must not be empty').max(80),
  type: z.enum(CONTACT_ATTRIBUTE_TYPES),
  options: z.array(cleanText().trim().min(1).max(80)).max(50).default([]),
});
export type CreateContactAttributeRequest = z.infer<typeof createContactAttributeRequestSchema>;

/** The key and type stay (stored values and CSV columns depend on them); label and choices change. */
export const updateContactAttributeRequestSchema = createContactAttributeRequestSchema
  .pick({ label: true, options: true })
  .partial();
export type UpdateContactAttributeRequest = z.infer<typeof updateContactAttributeRequestSchema>;

/**
 * The feed's `attr=key:value` (repeatable): conversations whose contact has every one of these
 * values. Parsed by `parseAttributeFilter`.
 */
export const attributeFilterSchema = z
  .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(safeText().max(300)).max(10))
  .optional();

/** `plan:gold` → {key: 'plan', value: 'gold'}; null without a usable key. */
export function parseAttributeFilter(text: string): { key: string; value: string } | null {
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const key = text.slice(0, colon).trim();
  return ATTRIBUTE_KEY_PATTERN.test(key) ? { key, value: text.slice(colon + 1).trim() } : null;
}
