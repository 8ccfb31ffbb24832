/** An `@query` being typed: where it starts (the `@`), where the caret is, and what follows `@`. */
export interface MentionTrigger {
  start: number;
  end: number;
  query: string;
}

/** Names have spaces ("Anna Berg"), so the query may too, but not a line break or a second `@`. */
const MAX_QUERY = 40;

/**
 * The `@` mention being typed at the caret, or null. `@` counts at the start of the text or after
 * whitespace or an opening bracket, so an email address (`jane@shop.example`) never opens it.
 */
export function findMentionTrigger(text: string, caret: number): MentionTrigger | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  const prev = at === 0 ? '' : (before[at - 1] ?? '');
  if (prev !== '' && !/[\s([{]/.test(prev)) return null;
  return { start: at, end: caret, query };
}

/** Replaces the `@query` with `@Name ` and says where the caret goes. */
export function insertMention(
  text: string,
  trigger: MentionTrigger,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  return {
    text: text.slice(0, trigger.start) + inserted + text.slice(trigger.end),
    caret: trigger.start + inserted.length,
  };
}
