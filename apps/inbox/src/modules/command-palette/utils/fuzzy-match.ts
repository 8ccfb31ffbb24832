/**
 * The palette's matcher: every typed word must appear in the text, in order of its letters, and
 * the closer it sits to the start of a word the better. One pass over the text per word (no
 * regular expression ever sees what was typed), so a long or odd query costs nothing.
 */

/** Longest query the matcher reads: the rest of a paste is ignored, not searched. */
export const MAX_QUERY_LENGTH = 100;

const EXACT = 1000;
const PREFIX = 800;
const WORD_START = 600;
const SUBSTRING = 400;
const SCATTERED = 100;

/** Lower case, NFC, accents dropped (`é` finds `e`, `Zoë` is found by `zoe`). */
export function foldText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD').toLocaleLowerCase()) {
    const code = char.codePointAt(0) ?? 0;
    // Combining diacritical marks (U+0300–U+036F) follow the base letter after NFD.
    if (code >= 0x300 && code <= 0x36f) continue;
    out += char;
  }
  return out.normalize('NFC');
}

function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  return char.toLocaleLowerCase() !== char.toLocaleUpperCase() || (char >= '0' && char <= '9');
}

function startsWord(text: string, index: number): boolean {
  return index === 0 || !isWordChar(text[index - 1]);
}

/** The first occurrence of `word` that starts a word of `text`, else -1 (linear in practice). */
function wordStartIndex(text: string, word: string): number {
  let from = text.indexOf(word);
  while (from > 0 && !startsWord(text, from)) from = text.indexOf(word, from + 1);
  return from;
}

/**
 * Letters of `word` in order anywhere in `text` (greedy, one pass): a score that rewards letters
 * starting words and runs of neighbours, or null when a letter is missing.
 */
function scatteredScore(text: string, word: string): number | null {
  let score = SCATTERED;
  let at = 0;
  let previous = -2;
  for (const char of word) {
    const found = text.indexOf(char, at);
    if (found < 0) return null;
    if (startsWord(text, found)) score += 8;
    if (found === previous + 1) score += 5;
    else score -= Math.min(10, found - previous);
    previous = found;
    at = found + char.length;
  }
  return Math.max(1, score);
}

/** How well one typed word fits the text; null when it does not. */
function wordScore(text: string, word: string): number | null {
  if (text === word) return EXACT;
  // No penalty for length: equally good fits keep their natural order (snooze presets by time).
  if (text.startsWith(word)) return PREFIX;
  if (wordStartIndex(text, word) >= 0) return WORD_START;
  if (text.includes(word)) return SUBSTRING;
  return scatteredScore(text, word);
}

/** The typed words, folded, at most MAX_QUERY_LENGTH characters of them. */
export function queryWords(query: string): string[] {
  return foldText(query.slice(0, MAX_QUERY_LENGTH))
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/**
 * How well `query` fits `text` (higher is better), or null when some typed word does not fit.
 * An empty query fits everything with 0.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const words = queryWords(query);
  if (words.length === 0) return 0;
  const folded = foldText(text);
  let total = 0;
  for (const word of words) {
    const score = wordScore(folded, word);
    if (score === null) return null;
    total += score;
  }
  // The whole query as typed, at the start of the text, beats the same words scattered.
  const whole = words.join(' ');
  if (words.length > 1 && folded.startsWith(whole)) total += PREFIX;
  return total;
}

export interface Matchable {
  /** What the row shows: matched at full weight. */
  label: string;
  /** Other words that find it (synonyms, a shortcut key): matched at a lower weight. */
  keywords?: string;
}

/** The best score of the label and the keywords, or null when neither fits. */
export function scoreItem(query: string, item: Matchable): number | null {
  const label = fuzzyScore(query, item.label);
  const keywords = item.keywords ? fuzzyScore(query, item.keywords) : null;
  if (label === null) return keywords === null ? null : keywords * 0.8;
  return keywords === null ? label : Math.max(label, keywords * 0.8);
}

/**
 * The items that fit, best first; ties keep their given order (so an empty query shows the
 * natural order).
 */
export function rankItems<T extends Matchable>(query: string, items: readonly T[]): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = scoreItem(query, item);
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((s) => s.item);
}

/**
 * A conversation number in the query: `#123` or `123` (digits only). Read without a regular
 * expression; null for anything else.
 */
export function conversationNumberOf(query: string): number | null {
  const text = query.trim();
  const digits = text.startsWith('#') ? text.slice(1) : text;
  if (digits.length === 0 || digits.length > 9) return null;
  for (const char of digits) if (char < '0' || char > '9') return null;
  const value = Number(digits);
  return value > 0 ? value : null;
}
