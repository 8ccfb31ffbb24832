import { createHash } from 'node:crypto';
import type { SavedViewQuery } from '@switchboard/contracts';

/** Entries kept per instance; the oldest goes first. */
const MAX_ENTRIES = 10_000;
/**
 * A count is reused only while the account's stream has not moved; this also bounds how long a
 * change that appends no event (a contact's name edited, say) can go unseen by a reload.
 */
const MAX_AGE_MS = 60_000;

/** Filters that mean the same rows for every viewer; only inbox access tells viewers apart. */
const VIEWER_INDEPENDENT = new Set([
  'status',
  'assignee',
  'assigneeId',
  'inboxId',
  'channel',
  'q',
  'from',
  'to',
  'tag',
  'attr',
]);

/**
 * Whose count a view's count is: everyone with the same inbox access (`scope`) shares it, unless
 * the query depends on the viewer ("mine", "my teams", or a filter this list does not know yet).
 */
export function viewCountKey(
  accountId: string,
  viewer: { id: string; scope: string },
  query: SavedViewQuery,
): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shared =
    query.assignee !== 'mine' &&
    query.assignee !== 'team' &&
    entries.every(([key]) => VIEWER_INDEPENDENT.has(key));
  const who = shared ? viewer.scope : `operator:${viewer.id}`;
  return createHash('sha256')
    .update(JSON.stringify([accountId, who, entries]))
    .digest('base64url');
}

/**
 * View counts per (query, access scope), each valid at the account's stream position it was
 * computed at (`SavedViewsRepository.streamPosition`). After a change every operator's tab asks
 * again; the first computes, the others with the same access reuse it until the next change.
 * Per instance, bounded, and never trusted across a move of the position.
 */
export class ViewCountCache {
  // A null count (too broad to count in time) is kept too: asking again at once would only
  // spend the same seconds again.
  private readonly entries = new Map<
    string,
    { position: string; count: number | null; at: number }
  >();

  get(key: string, position: string, now = Date.now()): number | null | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.position !== position || now - hit.at > MAX_AGE_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.count;
  }

  set(key: string, position: string, count: number | null, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { position, count, at: now });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
