import { isSearchWordChar, type SearchMatchDto } from '@switchboard/contracts';

/** Characters of context kept before the first marked word; the snippet holds SNIPPET_LENGTH in all. */
const CONTEXT_BEFORE = 60;
export const SNIPPET_LENGTH = 200;
const MIN_STEM = 3;
/** Letters inflection may change at a word's end (`счёт` → `счета`, `refund` → `refunding`). */
const INFLECTION_SLACK = 2;
const ARABIC_ARTICLE = 'ال';

/** Lower case, NFC, `ё` as `е` (Russian writes either): the form words are compared in. */
const fold = (word: string) => word.normalize('NFC').toLowerCase().replaceAll('ё', 'е');

const commonPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * The highlight rule: a word of the text is marked when it is one of the searched words, or when
 * it shares with one a prefix of at least max(3, length − 2) characters (the searched word's
 * length): `поръчка` marks `поръчката`, `счёт` marks `счета`, `refunds` marks `refunded`. Words
 * of one or two letters mark only themselves. An Arabic word is also compared without its
 * article `ال`. Linear in the text's length for each searched word.
 */
export function wordMatches(textWord: string, searched: readonly string[]): boolean {
  const word = fold(textWord);
  const bare = word.startsWith(ARABIC_ARTICLE) ? word.slice(ARABIC_ARTICLE.length) : word;
  return searched.some((s) => {
    const q = fold(s);
    if (q.length < MIN_STEM) return word === q;
    const need = Math.max(MIN_STEM, q.length - INFLECTION_SLACK);
    return commonPrefix(word, q) >= need || commonPrefix(bare, q) >= need;
  });
}

interface Run {
  text: string;
  start: number;
  highlight: boolean;
}

/** The text as alternating runs of word and non-word characters, matching words marked. */
function runs(text: string, searched: readonly string[]): Run[] {
  const out: Run[] = [];
  let start = 0;
  let current = '';
  let inWord = false;
  const close = () => {
    if (current)
      out.push({ text: current, start, highlight: inWord && wordMatches(current, searched) });
  };
  let i = 0;
  for (const ch of text) {
    const wordChar = isSearchWordChar(ch);
    if (wordChar !== inWord) {
      close();
      current = '';
      start = i;
      inWord = wordChar;
    }
    current += ch;
    i += ch.length;
  }
  close();
  return out;
}

/**
 * A piece of the message around its first matching word, as plain segments (never HTML): about
 * SNIPPET_LENGTH characters, whitespace collapsed, `…` where text was cut.
 */
export function searchSnippet(
  text: string,
  searched: readonly string[],
): SearchMatchDto['snippet'] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const all = runs(flat, searched);
  const first = all.find((r) => r.highlight);
  const from = first ? Math.max(0, first.start - CONTEXT_BEFORE) : 0;
  const to = from + SNIPPET_LENGTH;
  const segments: SearchMatchDto['snippet'] = [];
  const push = (piece: string, highlight: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.highlight === highlight) last.text += piece;
    else if (piece) segments.push({ text: piece, highlight });
  };
  if (from > 0) push('…', false);
  for (const r of all) {
    const end = r.start + r.text.length;
    if (end <= from) continue;
    if (r.start >= to) break;
    // A word cut at either edge is shown without its mark: only whole words are highlighted.
    const piece = r.text.slice(Math.max(0, from - r.start), Math.min(r.text.length, to - r.start));
    push(piece, r.highlight && piece.length === r.text.length);
  }
  if (to < flat.length) push('…', false);
  return segments;
}
