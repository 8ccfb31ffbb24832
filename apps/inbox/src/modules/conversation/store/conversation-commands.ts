import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import { formatUpcoming } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { snapshotCursor } from '../../realtime/store/stream-store';
import { conversationApi } from '../api/conversation-api';
import { useConversationStore } from './conversation-store';
import { clearPendingStatus, markPendingStatus, settlePendingStatus } from './pending-status';
import { errorText } from '../../../shared/api/error-text';

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
): Promise<boolean> {
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
    return true;
  } catch (error) {
    clearPendingStatus(id);
    if (before) applySummary(before, since);
    const message = errorText(error);
    useToastStore
      .getState()
      .show(
        t('actions.failed', { action: t(`actions.${action}`).toLowerCase(), message }),
        'error',
      );
    return false;
  }
}

const requestClose = (id: string) =>
  changeStatus(id, 'close', { status: 'closed', snoozedUntil: null }, () =>
    conversationApi.close(id),
  );

const requestSnooze = (id: string, until: Date) =>
  changeStatus(id, 'snooze', { status: 'snoozed', snoozedUntil: until.toISOString() }, () =>
    conversationApi.snooze(id, until),
  );

/** Closes, then offers Undo for a few seconds (the toast). */
export async function closeConversation(id: string): Promise<void> {
  const before = statusBefore(id);
  if (await requestClose(id)) offerUndo(before, t('undo.closed', { name: before?.name ?? '' }));
}

/** Snoozes, then offers Undo for a few seconds (the toast). */
export async function snoozeConversation(id: string, until: Date): Promise<void> {
  const before = statusBefore(id);
  if (await requestSnooze(id, until))
    offerUndo(before, t('undo.snoozed', { name: before?.name ?? '', time: formatUpcoming(until) }));
}

export const reopenConversation = (id: string) =>
  changeStatus(id, 'reopen', { status: 'open', snoozedUntil: null }, () =>
    conversationApi.reopen(id),
  );

export const unsnoozeConversation = (id: string) =>
  changeStatus(id, 'unsnooze', { status: 'open', snoozedUntil: null }, () =>
    conversationApi.unsnooze(id),
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

/** What Undo puts back, and whether the operator had the conversation open. */
interface StatusBefore {
  id: string;
  status: ConversationStatus;
  snoozedUntil: string | null;
  wasOpen: boolean;
  /** The customer's name, for the toast. */
  name: string;
}

function statusBefore(id: string): StatusBefore | null {
  const known = knownSummary(id);
  if (!known) return null;
  const wasOpen = useConversationStore.getState().selectedId === id;
  const name = known.contact.name ?? t('feed.row.unknown_contact');
  return { id, status: known.status, snoozedUntil: known.snoozedUntil, wasOpen, name };
}

/** Puts back the earlier status through the API: the timeline records it as what it is. */
function restoreStatus({ id, status, snoozedUntil }: StatusBefore): Promise<boolean> {
  if (status === 'snoozed' && snoozedUntil && Date.parse(snoozedUntil) > Date.now())
    return requestSnooze(id, new Date(snoozedUntil));
  if (status === 'closed') return requestClose(id);
  return knownSummary(id)?.status === 'snoozed' ? unsnoozeConversation(id) : reopenConversation(id);
}

/**
 * The Undo toast (5 s, a button reachable by Tab, announced politely): restores the status the
 * conversation had ("reopened", "unsnoozed", or snoozed again until the old time, in the
 * timeline), and shows it again if the operator had it open and has not moved on since.
 */
function offerUndo(before: StatusBefore | null, text: string): void {
  if (!before) return;
  const successor = useConversationStore.getState().selectedId;
  const run = async () => {
    const restored = await restoreStatus(before);
    const stayed = useConversationStore.getState().selectedId === successor;
    if (restored && before.wasOpen && stayed) openConversation(before.id);
  };
  useToastStore.getState().show(text, 'info', { label: t('undo.action'), run: () => void run() });
}
