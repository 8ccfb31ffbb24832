/** Longest search box text the feed accepts, in characters as JavaScript counts them. */
export const MAX_SEARCH_LENGTH = 500;
/** Words and phrases one search may hold: each becomes its own part of the query. */
export const MAX_SEARCH_WORDS = 10;
export const MAX_SEARCH_PHRASES = 3;

/** The search box's text, taken apart. Every part reaches SQL only as a bound parameter. */
export interface ParsedSearchQuery {
  /** Runs of letters, marks and digits from the unquoted text, NFC and lower case. */
  words: string[];
  /** Each "quoted phrase" as its words joined by one space (same characters as `words`). */
  phrases: string[];
  /**
   * What was typed, one item per whitespace-separated chunk (or per phrase), NFC, for substring
   * matching on names, emails, phone numbers and subjects. Only chunks holding a word count.
   */
  terms: string[];
  /** `#1042`: conversation numbers. */
  numbers: number[];
  /** `#payment`: tag names, without `#`, as typed. */
  tags: string[];
}

/** Why a search cannot run, for a client to say in its own language (`limit`: the maximum). */
export type SearchProblem = 'unbalanced_quote' | 'too_many_words' | 'too_many_phrases';

export type SearchParseResult =
  | { ok: true; query: ParsedSearchQuery }
  | { ok: false; reason: string; problem: SearchProblem; limit?: number };

/** The newest message of a result that matched, and a short piece of it with the matches marked. */
export interface SearchMatchDto {
  messageId: string;
  at: string;
  /** Plain text in order; `highlight` marks a matching word. Never HTML. */
  snippet: { text: string; highlight: boolean }[];
}

// One character at a time, so nothing here can backtrack whatever is typed.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;
const DIGITS = /^\d{1,9}$/;

export const isSearchWordChar = (ch: string) => WORD_CHAR.test(ch);

/** Runs of letters, marks and digits in `text`, NFC and lower case. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WORD_CHAR.test(ch)) word += ch;
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  return words.map((w) => w.normalize('NFC').toLowerCase());
}

/**
 * Takes the search box apart in one pass: `"quoted phrases"`, `#1042` (a conversation number),
 * `#tag`, and words. Refuses unbalanced quotes and more words or phrases than one search holds.
 * Words keep only letters, marks and digits, so no operator of PostgreSQL's tsquery syntax
 * (`& | ! ( ) : * < > '` or a backslash) survives into a query.
 */
export function parseSearchQuery(input: string): SearchParseResult {
  const query: ParsedSearchQuery = { words: [], phrases: [], terms: [], numbers: [], tags: [] };
  const seenTags = new Set<string>();
  const takeChunk = (chunk: string) => {
    let hashes = 0;
    while (chunk[hashes] === '#') hashes++;
    if (hashes > 0) {
      // As parseHashtags reads the box: `##vip` is the tag `vip`, a lone `#` nothing.
      const name = chunk.slice(hashes);
      if (DIGITS.test(name)) {
        query.numbers.push(Number(name));
        return;
      }
      const key = name.normalize('NFC').toLowerCase();
      if (name && !seenTags.has(key)) {
        seenTags.add(key);
        query.tags.push(name.normalize('NFC'));
      }
      return;
    }
    const words = searchWords(chunk);
    if (words.length === 0) return;
    query.words.push(...words);
    query.terms.push(chunk.normalize('NFC'));
  };
  const takePhrase = (text: string) => {
    const words = searchWords(text);
    if (words.length === 0) return;
    query.phrases.push(words.join(' '));
    query.terms.push(text.trim().normalize('NFC'));
  };
  let chunk = '';
  let phrase: string | null = null;
  for (const ch of input) {
    if (phrase !== null) {
      if (ch === '"') {
        takePhrase(phrase);
        phrase = null;
      } else phrase += ch;
    } else if (ch === '"') {
      if (chunk) takeChunk(chunk);
      chunk = '';
      phrase = '';
    } else if (SPACE.test(ch)) {
      if (chunk) takeChunk(chunk);
      chunk = '';
    } else chunk += ch;
  }
  if (phrase !== null) {
    return {
      ok: false,
      reason: 'Unbalanced quote: a phrase opened with " is never closed',
      problem: 'unbalanced_quote',
    };
  }
  if (chunk) takeChunk(chunk);
  if (query.words.length > MAX_SEARCH_WORDS) {
    return {
      ok: false,
      reason: `Too many words: a search holds at most ${MAX_SEARCH_WORDS}`,
      problem: 'too_many_words',
      limit: MAX_SEARCH_WORDS,
    };
  }
  if (query.phrases.length > MAX_SEARCH_PHRASES) {
    return {
      ok: false,
      reason: `Too many phrases: a search holds at most ${MAX_SEARCH_PHRASES}`,
      problem: 'too_many_phrases',
      limit: MAX_SEARCH_PHRASES,
    };
  }
  return { ok: true, query };
}

/** Whether the search matches on text at all (words or phrases), besides numbers and tags. */
export const hasSearchText = (q: ParsedSearchQuery) => q.words.length + q.phrases.length > 0;
