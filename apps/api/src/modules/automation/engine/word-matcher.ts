/*
 * Whole-word and phrase matching on customer text, in any script, case-insensitively. One
 * left-to-right scan turns the text into folded tokens (no regular expression over the text, so
 * no backtracking); a phrase matches a run of consecutive tokens. Scripts written without spaces
 * (Han, kana, Thai ...) have no word boundaries to find, so each of their characters is a token
 * and a phrase in them matches as a sequence of characters.
 */

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

/** NFC and Unicode case folding (upper then lower folds ß to ss and final sigma to sigma). */
export function foldText(text: string): string {
  return text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** The folded tokens of a text, in order. */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const tokens: string[] = [];
  let current = '';
  for (const ch of folded) {
    if (!WORD_CHAR.test(ch)) {
      if (current) tokens.push(current);
      current = '';
    } else if (UNSPACED.test(ch)) {
      if (current) tokens.push(current);
      tokens.push(ch);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/**
 * A compiled set of words and phrases. Compile once per rule, then `matches` any number of
 * texts: the cost is the text's length times the (bounded) phrases starting with each token.
 */
export class WordMatcher {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const tokens = tokenize(phrase);
      const first = tokens[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push(tokens);
      this.byFirst.set(first, list);
    }
  }

  /** The first word or phrase found in the text, or null. */
  firstMatch(text: string | null): string | null {
    if (!text || this.byFirst.size === 0) return null;
    return this.firstIn(tokenize(text));
  }

  matches(text: string | null): boolean {
    return this.firstMatch(text) !== null;
  }

  /** Over tokens already made, so several conditions on one message tokenize it once. */
  firstIn(tokens: readonly string[]): string | null {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!);
      if (!candidates) continue;
      for (const phrase of candidates) if (startsAt(tokens, i, phrase)) return phrase.join(' ');
    }
    return null;
  }
}

function startsAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let k = 1; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false;
  return true;
}
