import type { ConversationPriority } from '@switchboard/contracts';

// The feed's SQL for priorities, used by ConversationFeedRepository: the rank it sorts by and the
// `priority=` filter. The rank is written exactly as in `conversations_priority_feed_idx`
// (migration 1797710000000), so PostgreSQL reads "most urgent first" pages from that index.

/** A priority's rank over `c` (conversations): urgent 3, high 2, normal 1, low 0. */
export const PRIORITY_RANK_SQL = `(CASE c.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)`;

/** Keyset predicate of a "most urgent first" page: after (rank, activity, id), descending. */
export const PRIORITY_KEYSET_SQL = `(${PRIORITY_RANK_SQL}, c.last_activity_at, c.id) < (:afterRank, :at::timestamptz, :afterId::uuid)`;

/** `priority=high&priority=urgent`: conversations of any of these priorities. */
export function priorityFilterClause(
  priorities: readonly ConversationPriority[] | undefined,
): { clause: string; params: Record<string, unknown> } | null {
  if (!priorities || priorities.length === 0) return null;
  return {
    clause: 'c.priority = ANY(:priorities)',
    params: { priorities: [...new Set(priorities)] },
  };
}
