import { hasSearchText, parseSearchQuery } from '@switchboard/contracts';

/**
 * Whether the box's text (without its #tags) searches message text, names or numbers: then the
 * feed looks at every status and any age. Text that does not parse counts too, so the server's
 * reason (an unbalanced quote) shows.
 */
export function isHistorySearch(q: string | null): boolean {
  if (!q) return false;
  const parsed = parseSearchQuery(q);
  return !parsed.ok || hasSearchText(parsed.query) || parsed.query.numbers.length > 0;
}
