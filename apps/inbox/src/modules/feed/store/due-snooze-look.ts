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
