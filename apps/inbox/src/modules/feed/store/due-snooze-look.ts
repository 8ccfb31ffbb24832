import { conversationApi } from '../../conversation/api/conversation-api';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { snapshotCursor } from '../../realtime/store/stream-store';

/** setTimeout's delay is a 32-bit integer; a snooze weeks away is looked at again hourly. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** The API counts a snooze as open from its due time on, not a moment before. */
const MARGIN_MS = 50;

let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * A snooze is open from its due time in every list and count the API serves, whenever the
 * sweeper writes its wake-up (a storm of 100,000 takes it a minute or more), and the wake-up's
 * event is what would otherwise bring it to the screen. The counts say when the next counted
 * snooze falls due; `look` runs then. A later call replaces the earlier one, so the newest
 * counts decide.
 */
export function scheduleDueSnoozeLook(inMs: number | null | undefined, look: () => void): void {
  cancelDueSnoozeLook();
  if (inMs === null || inMs === undefined || !Number.isFinite(inMs)) return;
  timer = setTimeout(
    () => {
      timer = null;
      look();
    },
    Math.min(Math.max(inMs, 0) + MARGIN_MS, LONGEST_WAIT_MS),
  );
}

export function cancelDueSnoozeLook(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/**
 * The conversation open in the pane, when it shows a snooze: read again, so its header turns open
 * with the feed. `touchedAt`: the stream cursor of the last event about a conversation; an answer
 * older than that is dropped.
 */
export async function refreshSnoozedPane(touchedAt: (id: string) => number): Promise<void> {
  const pane = useConversationStore.getState();
  const shown = pane.selectedId ? pane.summaries[pane.selectedId] : undefined;
  if (shown?.status !== 'snoozed') return;
  const since = snapshotCursor();
  const fresh = await conversationApi.detail(shown.id).catch(() => null);
  if (fresh && touchedAt(fresh.id) <= since) useConversationStore.getState().receiveSummary(fresh);
}
