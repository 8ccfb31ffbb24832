/** What the search box holds once its `#tags` are taken out. */
export interface ParsedSearch {
  /** Tag names, in the order typed, without `#`, each once (compared case-insensitively). */
  tags: string[];
  /** The rest of the text, for the ordinary search. */
  text: string;
}

const isSpace = (ch: string) => /\s/u.test(ch);

/**
 * Splits `#payment refund #оплата` into tags and text with one linear pass (no backtracking
 * regular expression over what a customer or operator typed). A tag is `#` at the start of a
 * word followed by anything up to the next whitespace, in any script. `#1042` stays text: it is
 * a conversation number. A lone `#` is text too.
 */
export function parseHashtags(input: string): ParsedSearch {
  const tags: string[] = [];
  const seen = new Set<string>();
  const words: string[] = [];
  const take = (word: string) => {
    let hashes = 0;
    while (word[hashes] === '#') hashes++;
    const name = hashes > 0 ? word.slice(hashes) : '';
    if (!name || /^\d+$/.test(name)) {
      words.push(word);
      return;
    }
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    tags.push(name.normalize('NFC'));
  };
  let word = '';
  for (const ch of input) {
    if (!isSpace(ch)) word += ch;
    else if (word) {
      take(word);
      word = '';
    }
  }
  if (word) take(word);
  return { tags, text: words.join(' ') };
}
