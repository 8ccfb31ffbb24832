/** A `/query` being typed at the caret: what the picker searches for and what it replaces. */
export interface SlashTrigger {
  /** Index of the `/`. */
  start: number;
  /** The caret: the end of what an insertion replaces. */
  end: number;
  query: string;
}

const MAX_QUERY = 40;

/**
 * The `/word` that ends at the caret, if the `/` starts a word (text start or after whitespace):
 * "see /ref" opens the picker, "and/or" and "https://x" do not. Spaces end the query.
 */
export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const from = Math.max(0, caret - MAX_QUERY - 1);
  for (let i = caret - 1; i >= from; i--) {
    const ch = text.charAt(i);
    if (ch === '/') {
      const before = i === 0 ? '' : text.charAt(i - 1);
      if (before !== '' && !/\s/.test(before)) return null;
      return { start: i, end: caret, query: text.slice(i + 1, caret) };
    }
    if (/\s/.test(ch)) return null;
  }
  return null;
}

/** `text` with the trigger replaced by `insert`, and where the caret goes after it. */
export function replaceTrigger(
  text: string,
  trigger: SlashTrigger,
  insert: string,
): { text: string; caret: number } {
  return {
    text: text.slice(0, trigger.start) + insert + text.slice(trigger.end),
    caret: trigger.start + insert.length,
  };
}
