import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { snapshotCursor } from '../../realtime/store/stream-store';
import { conversationApi } from '../api/conversation-api';
import { useConversationStore } from './conversation-store';
import { clearPendingStatus, markPendingStatus, settlePendingStatus } from './pending-status';

/** Selects a conversation (or none) — the single entry point, so URL and notifications follow. */
export function openConversation(id: string | null): void {
  // The feed row already has the summary: show the header and composer before the detail loads.
  const row = id ? useFeedStore.getState().byId[id] : undefined;
  if (row && id && !useConversationStore.getState().summaries[id]) {
    useConversationStore.setState((s) => ({ summaries: { ...s.summaries, [id]: row } }));
  }
  useConversationStore.getState().select(id);
}

/** Moves the selection through the feed: +1 is the next (older) row, -1 the previous. */
export function stepSelection(delta: 1 | -1): void {
  const { order } = useFeedStore.getState();
  if (order.length === 0) return;
  const { selectedId } = useConversationStore.getState();
  const index = selectedId ? order.indexOf(selectedId) : -1;
  const target = index < 0 ? 0 : Math.min(order.length - 1, Math.max(0, index + delta));
  const id = order[target];
  if (id && id !== selectedId) openConversation(id);
}

/** The row that takes a leaving row's place: the one below it, else the one above. */
function successorOf(id: string): string | null {
  const { order } = useFeedStore.getState();
  const index = order.indexOf(id);
  if (index < 0) return order[0] ?? null;
  return order[index + 1] ?? order[index - 1] ?? null;
}

function knownSummary(id: string): ConversationSummaryDto | undefined {
  return useConversationStore.getState().summaries[id] ?? useFeedStore.getState().byId[id];
}

function applySummary(summary: ConversationSummaryDto, since: number): void {
  useFeedStore.getState().applySnapshot(summary, since);
  useConversationStore.getState().receiveSummary(summary);
}

type StatusAction = 'close' | 'snooze' | 'reopen' | 'unsnooze';

/**
 * One status change with the empty-feed rhythm: the row leaves at once (optimistic), the next
 * conversation opens, and if the server refuses, the row comes back with a visible reason.
 */
async function changeStatus(
  id: string,
  action: StatusAction,
  target: { status: ConversationStatus; snoozedUntil: string | null },
  request: () => Promise<ConversationSummaryDto>,
): Promise<void> {
  const before = knownSummary(id);
  const since = snapshotCursor();
  const leavesFeed = useFeedStore.getState().filters.status !== target.status;
  const wasSelected = useConversationStore.getState().selectedId === id;
  const successor = leavesFeed ? successorOf(id) : null;

  markPendingStatus(id, target.status, target.snoozedUntil);
  if (before) applySummary({ ...before, ...target }, since);
  if (wasSelected && leavesFeed && (action === 'close' || action === 'snooze'))
    openConversation(successor);

  try {
    applySummary(await request(), since);
    settlePendingStatus(id);
    void useFeedStore.getState().refreshCounts();
  } catch (error) {
    clearPendingStatus(id);
    if (before) applySummary(before, since);
    const message =
      error instanceof ApiError || error instanceof Error ? error.message : String(error);
    useToastStore
      .getState()
      .show(
        t('actions.failed', { action: t(`actions.${action}`).toLowerCase(), message }),
        'error',
      );
  }
}

export const closeConversation = (id: string) =>
  changeStatus(id, 'close', { status: 'closed', snoozedUntil: null }, () =>
    conversationApi.close(id),
  );

export const reopenConversation = (id: string) =>
  changeStatus(id, 'reopen', { status: 'open', snoozedUntil: null }, () =>
    conversationApi.reopen(id),
  );

export const unsnoozeConversation = (id: string) =>
  changeStatus(id, 'unsnooze', { status: 'open', snoozedUntil: null }, () =>
    conversationApi.unsnooze(id),
  );

export const snoozeConversation = (id: string, until: Date) =>
  changeStatus(id, 'snooze', { status: 'snoozed', snoozedUntil: until.toISOString() }, () =>
    conversationApi.snooze(id, until),
  );

const markingRead = new Set<string>();

/** Clears the unread count when the operator actually looks at a conversation. */
export async function markConversationRead(id: string): Promise<void> {
  const summary = knownSummary(id);
  if (!summary || summary.unreadCount === 0 || markingRead.has(id)) return;
  markingRead.add(id);
  const since = snapshotCursor();
  try {
    applySummary(await conversationApi.markRead(id), since);
  } catch {
    // Unread state is advisory; the next open retries.
  } finally {
    markingRead.delete(id);
  }
}
