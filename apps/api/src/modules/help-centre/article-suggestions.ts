import type { KbSearchHitDto } from '@switchboard/contracts';

/** A message's words worth searching: letters or digits, three or more, longest first, at most six. */
export function suggestionWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 6);
}

/**
 * Suggestions for a message being typed. Search wants every word of its query, and a message
 * ("Hi, I want to return my order") is not a query: each word is searched on its own and the
 * articles matching the most words come first (ties: the order the searches ranked them).
 */
export async function suggestArticles(
  text: string,
  limit: number,
  search: (word: string) => Promise<KbSearchHitDto[]>,
): Promise<KbSearchHitDto[]> {
  const results = await Promise.all(suggestionWords(text).map((w) => search(w)));
  const scored = new Map<string, { hit: KbSearchHitDto; score: number; first: number }>();
  let position = 0;
  for (const hits of results) {
    for (const hit of hits) {
      const seen = scored.get(hit.versionId);
      if (seen) seen.score++;
      else scored.set(hit.versionId, { hit, score: 1, first: position++ });
    }
  }
  return [...scored.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, limit)
    .map((s) => s.hit);
}
