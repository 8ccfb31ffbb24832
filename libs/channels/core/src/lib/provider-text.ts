import { stripUnsafeCharacters } from '@switchboard/contracts';

/** How much of what a provider or a mail server said may reach a failure reason or an API error. */
export const MAX_PROVIDER_TEXT = 200;

/** Longest ChannelError message: our words plus an excerpt of theirs. */
export const MAX_REASON_TEXT = 500;

/**
 * A reason safe to store and show: one line, no control characters (PostgreSQL refuses NUL),
 * at most `max` characters.
 */
export function boundedReason(text: string, max = MAX_REASON_TEXT): string {
  const line = stripUnsafeCharacters(text.slice(0, 64 * 1024))
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  // Never cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(line.charAt(max - 2)) ? max - 2 : max - 1;
  return `${line.slice(0, end)}…`;
}

/**
 * A short, clean excerpt of a provider's answer: their error pages can be whole HTML documents,
 * carry control characters or echo our own request back. Tags go, and the rest is a bounded line.
 */
export function providerTextExcerpt(text: string, max = MAX_PROVIDER_TEXT): string {
  return boundedReason(text.slice(0, 64 * 1024).replace(/<[^<>]{0,1000}>/g, ' '), max);
}
