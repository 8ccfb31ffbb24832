import { stripUnsafeCharacters } from '@switchboard/contracts';

/** "First Last", or null when Telegram gave neither. */
export function fullName(first: string | undefined, last: string | undefined): string | null {
  const name = [first, last]
    .map((part) => (part ? stripUnsafeCharacters(part).trim() : ''))
    .filter((part) => part.length > 0)
    .join(' ');
  return name.length > 0 ? cut(name, 255) : null;
}

/** A label bounded to `max` UTF-16 units without cutting a surrogate pair in half. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * An IETF language tag as our contact card accepts it (`en`, `pt-br`), or null. Telegram's
 * `language_code` is what the user's app reports; a value we cannot store is dropped, never the
 * message. Checked by splitting, not by a regular expression.
 */
export function languageTag(code: string | undefined): string | null {
  if (!code || code.length > 35) return null;
  const parts = code.split('-');
  if (parts.length > 4) return null;
  const [primary, ...rest] = parts;
  if (!/^[A-Za-z]{2,8}$/.test(primary)) return null;
  return rest.every((p) => /^[A-Za-z0-9]{1,8}$/.test(p)) ? code : null;
}

/**
 * A file name safe to store: no control characters or path separators, at most 255 units. Falls
 * back when nothing usable is left.
 */
export function safeFilename(name: string | undefined, fallback: string): string {
  if (!name) return fallback;
  let clean = '';
  for (const ch of stripUnsafeCharacters(name)) clean += ch === '/' || ch === '\\' ? '_' : ch;
  clean = clean.trim();
  return clean.length > 0 ? cut(clean, 255) : fallback;
}

/** A MIME type that looks like `type/subtype`, else the fallback. */
export function safeContentType(type: string | undefined, fallback: string): string {
  if (!type || type.length > 255) return fallback;
  const slash = type.indexOf('/');
  if (slash <= 0 || slash === type.length - 1 || type.indexOf('/', slash + 1) !== -1)
    return fallback;
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    // Visible ASCII without spaces: enough for every real MIME type, and nothing else.
    if (c <= 0x20 || c >= 0x7f) return fallback;
  }
  return type.toLowerCase();
}
