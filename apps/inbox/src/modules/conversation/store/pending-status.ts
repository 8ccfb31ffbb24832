import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';

interface PendingStatus {
  status: ConversationStatus;
  snoozedUntil: string | null;
  expiry: ReturnType<typeof setTimeout> | null;
}

/** After the server answered, stale events stop arriving within this time; then the guard lifts. */
const SETTLED_GRACE_MS = 5_000;
const pending = new Map<string, PendingStatus>();

/**
 * Guards an optimistic close/snooze/reopen against stream events that were committed before it
 * but arrive after it (the stream is ordered, the REST answer is not): until the stream shows the
 * new status, a conversation keeps the status the operator gave it.
 */
export function markPendingStatus(
  id: string,
  status: ConversationStatus,
  snoozedUntil: string | null,
): void {
  clearPendingStatus(id);
  pending.set(id, { status, snoozedUntil, expiry: null });
}

/** The request failed: forget the guard so the real state shows again. */
export function clearPendingStatus(id: string): void {
  const entry = pending.get(id);
  if (entry?.expiry) clearTimeout(entry.expiry);
  pending.delete(id);
}

/** The server accepted: if it emits no event (nothing changed), the guard still lifts after a while. */
export function settlePendingStatus(id: string): void {
  const entry = pending.get(id);
  if (!entry || entry.expiry) return;
  entry.expiry = setTimeout(() => {
    if (pending.get(id) === entry) pending.delete(id);
  }, SETTLED_GRACE_MS);
}

/**
 * The summary to show. A stream event with the pending status confirms it (later events then
 * apply as they are); any other copy gets the pending status laid over it.
 */
export function withPendingStatus(
  conversation: ConversationSummaryDto,
  source: 'event' | 'snapshot',
): ConversationSummaryDto {
  const entry = pending.get(conversation.id);
  if (!entry) return conversation;
  if (source === 'event' && conversation.status === entry.status) {
    clearPendingStatus(conversation.id);
    return conversation;
  }
  return { ...conversation, status: entry.status, snoozedUntil: entry.snoozedUntil };
}

/** Forget every guard (sign-out, tests). */
export function resetPendingStatuses(): void {
  for (const id of [...pending.keys()]) clearPendingStatus(id);
}
