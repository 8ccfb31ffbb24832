/**
 * Text a customer controls (names, file names, previews) shown so it cannot pose as something
 * else. Bidirectional controls can turn `invoice\u202Efdp.exe` into "invoiceexe.pdf"; invisible
 * characters make "adm\u200Bin" look like "admin". Both are dropped from names, and shown as
 * "�" in file names, where a hidden character is itself the warning. Joiners survive only where
 * they join something: inside emoji sequences (👩‍💻) and between letters of scripts that use
 * them (Persian, Indic).
 *
 * The inbox has the same rules in apps/inbox/src/shared/text/display-text.ts (the widget ships no
 * shared code, to stay small): change both together.
 */

/** Embeddings, overrides, isolates and the implicit direction marks (LRM, RLM, ALM). */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Characters that take no space: zero-width space, word joiner, invisible operators, BOM. */
const INVISIBLE = /[\u180E\u200B\u2060-\u2064\uFEFF]/gu;
/** C0/C1 controls (tab and line breaks aside): the API refuses them, old data may hold them. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
// Tested one code point at a time: the variation selector on its own is what we look for.
// eslint-disable-next-line no-misleading-character-class
const EMOJI_PART = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const JOINING_LETTER = /[\p{L}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;

/** Joiners between emoji, or between two non-Latin letters, do a job; anywhere else they hide. */
function joinsSomething(joiner: string, before: string | undefined, after: string | undefined) {
  if (!before || !after) return false;
  if (joiner === '\u200D' && EMOJI_PART.test(before) && EMOJI.test(after)) return true;
  const letter = (c: string) => JOINING_LETTER.test(c) && !LATIN.test(c);
  return letter(before) && letter(after);
}

function neutralize(text: string, replacement: string): string {
  const visible = text
    .replace(BIDI_CONTROL, replacement)
    .replace(INVISIBLE, replacement)
    .replace(CONTROL, replacement);
  return visible.replace(/[\u200C\u200D]/g, (joiner, offset: number) => {
    const before = Array.from(visible.slice(Math.max(0, offset - 2), offset)).pop();
    const after = Array.from(visible.slice(offset + 1, offset + 3))[0];
    return joinsSomething(joiner, before, after) ? joiner : replacement;
  });
}

/** A name, subject or preview as it may be shown: hidden characters removed, spaces tidied. */
export function displayText(text: string): string {
  return neutralize(text, '').replace(/\s+/gu, ' ').trim();
}

/**
 * A name to show, or the fallback when nothing visible is left ("\u200B" is not a name), so a
 * customer can never appear nameless next to a real operator.
 */
export function displayName(name: string | null | undefined, fallback: string): string {
  return (name && displayText(name)) || fallback;
}

/** A file name as it may be shown and saved: every hidden character visible as "�". */
export function displayFilename(filename: string): string {
  return neutralize(filename, '\uFFFD').trim() || '\uFFFD';
}
