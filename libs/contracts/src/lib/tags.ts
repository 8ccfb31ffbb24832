import { z } from 'zod';
import { safeText } from './safe-text';

/** Longest tag name, in characters as JavaScript counts them. */
export const MAX_TAG_NAME_LENGTH = 64;

/** Colours a tag can take: a small palette the SPA renders with enough contrast in both themes. */
export const TAG_COLORS = [
  'gray',
  'red',
  'orange',
  'yellow',
  'green',
  'teal',
  'blue',
  'purple',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/** A tag as a conversation shows it. */
export interface TagRefDto {
  id: string;
  name: string;
  color: TagColor;
}

/** A tag of the account's list, with how many conversations carry it. */
export interface TagDto extends TagRefDto {
  conversationCount: number;
}

/**
 * The one spelling two tags are compared by: NFC (a composed and a decomposed "й" are one tag),
 * then lower case in every script that has one ("ОПЛАТА" is "оплата"; Arabic has no case).
 */
export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export type TagNameCheck = { ok: true; name: string } | { ok: false; reason: string };

/**
 * A tag name as typed, made usable: trimmed, without leading `#`, NFC. Empty or longer than 64
 * characters is refused with the reason (the API answers 422 INVALID_TAG_NAME); control
 * characters are refused before this, by the request schema's safeText().
 */
export function checkTagName(typed: string): TagNameCheck {
  const trimmed = typed.trim();
  let start = 0;
  while (start < trimmed.length && trimmed[start] === '#') start++;
  const name = trimmed.slice(start).trim().normalize('NFC');
  if (!name) return { ok: false, reason: 'Tag name must not be empty' };
  if (Array.from(name).length > MAX_TAG_NAME_LENGTH)
    return { ok: false, reason: `Tag name is longer than ${MAX_TAG_NAME_LENGTH} characters` };
  return { ok: true, name };
}

/** A tag name field in a request: any safe text; checkTagName() decides whether it is usable. */
const tagNameField = () => safeText().max(1000);

export const addTagRequestSchema = z.object({ name: tagNameField() });
export type AddTagRequest = z.input<typeof addTagRequestSchema>;

export const updateTagRequestSchema = z
  .object({ name: tagNameField().optional(), color: z.enum(TAG_COLORS).optional() })
  .refine((b) => b.name !== undefined || b.color !== undefined, {
    message: 'Give a new name or a colour',
  });
export type UpdateTagRequest = z.input<typeof updateTagRequestSchema>;

export const mergeTagRequestSchema = z.object({
  /** The tag that stays: every conversation of the merged tag gets it. */
  targetId: z.string().uuid(),
});
export type MergeTagRequest = z.input<typeof mergeTagRequestSchema>;

/** `tag=a&tag=b` in the feed's query: one value or several. */
export const tagFilterSchema = z
  .preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(safeText().max(200)).max(10))
  .optional();
