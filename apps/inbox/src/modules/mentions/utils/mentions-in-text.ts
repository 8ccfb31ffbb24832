import type { Mentionable } from './match-operators';

/** `@Name` as written, not followed by a letter or digit (`@Ann` is not `@Anna`). */
function mentionPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s([{])@${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * The operators a note mentions, read from its text when it is sent: a mention deleted while
 * editing is gone, and a draft restored after a reload still mentions whom it names.
 * The longest names are matched first so `@Anna Berg` is not also `@Anna`.
 */
export function mentionsInText<T extends Mentionable>(text: string, operators: readonly T[]): T[] {
  let rest = text;
  const found: T[] = [];
  for (const op of [...operators].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = mentionPattern(op.name);
    if (!pattern.test(rest)) continue;
    found.push(op);
    rest = rest.replace(new RegExp(pattern.source, 'gu'), '$1');
  }
  return found;
}

/** Splits a note's text into plain runs and `@Name` runs of the mentioned operators. */
export function splitMentions(
  text: string,
  mentions: readonly Mentionable[],
): Array<{ text: string; mention?: Mentionable }> {
  if (mentions.length === 0) return [{ text }];
  const names = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const alternatives = names
    .map((m) => `@${m.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    .join('|');
  const pattern = new RegExp(`(${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  const parts: Array<{ text: string; mention?: Mentionable }> = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: text.slice(last, index) });
    const mention = names.find((m) => `@${m.name}` === match[0]);
    parts.push({ text: match[0], mention });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
