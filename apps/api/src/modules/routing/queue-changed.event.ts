import type { PendingEvent } from '../../core/events/pending-event';

/** The stream's "this team's queue changed" (no content: clients re-read it under their access). */
export const queueChanged = (teamId: string): PendingEvent => ({
  type: 'routing.queue_changed',
  conversationId: null,
  payload: { teamId },
});

/** One "queue changed" per team and transaction is enough for clients. */
export function dedupeQueueChanges(pending: PendingEvent[]): PendingEvent[] {
  const seen = new Set<string>();
  return pending.filter((e) => {
    if (e.type !== 'routing.queue_changed') return true;
    if (seen.has(e.payload.teamId)) return false;
    seen.add(e.payload.teamId);
    return true;
  });
}
