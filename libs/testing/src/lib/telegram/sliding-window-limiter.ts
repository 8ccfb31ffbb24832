/** One limit: at most `limit` hits for `key` within any `windowMs` span. */
export interface RateWindow {
  key: string;
  limit: number;
  windowMs: number;
}

/** Sliding-window counters: a hit counts against a window for exactly `windowMs` after it. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Takes a slot in every window, or in none when any of them is full. */
  tryTake(windows: readonly RateWindow[], now: number): boolean {
    if (windows.some((w) => this.recentHits(w, now).length >= w.limit)) return false;
    for (const w of windows) this.recentHits(w, now).push(now);
    return true;
  }

  private recentHits(window: RateWindow, now: number): number[] {
    let list = this.hits.get(window.key);
    if (!list) {
      list = [];
      this.hits.set(window.key, list);
    }
    // Hits are appended in time order, so the expired ones are at the front.
    let expired = 0;
    while (expired < list.length && list[expired] <= now - window.windowMs) expired++;
    if (expired > 0) list.splice(0, expired);
    return list;
  }
}
