import { MAX_KB_SLUG_LENGTH } from '@switchboard/contracts';

// One character at a time (no regular expression over the whole title), so no title can make it slow.
const LETTER_OR_DIGIT = /[\p{Ll}\p{Lo}\p{Nd}]/u;
const MARK = /\p{M}/u;
/** Letters kept in the base slug so a `-2` suffix always fits within MAX_KB_SLUG_LENGTH. */
const BASE_LENGTH = MAX_KB_SLUG_LENGTH - 10;

/**
 * A slug from a title, in the title's own script: `Как изменить способ оплаты?` becomes
 * `как-изменить-способ-оплаты`, Arabic stays Arabic. Lower case, words joined by single hyphens;
 * marks (Arabic vowel signs, accents) are dropped. `article` when the title has no letters.
 */
export function slugFromTitle(title: string): string {
  let slug = '';
  let pendingHyphen = false;
  for (const ch of title.normalize('NFC').toLowerCase()) {
    if (MARK.test(ch)) continue;
    if (LETTER_OR_DIGIT.test(ch)) {
      if (pendingHyphen && slug) slug += '-';
      pendingHyphen = false;
      if (slug.length + ch.length > BASE_LENGTH) break;
      slug += ch;
    } else pendingHyphen = true;
  }
  return slug || 'article';
}

/** `slug`, then `slug-2`, `slug-3`…: the first one `taken` does not hold. */
export function firstFreeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
