/**
 * Per-network request limit over a sliding minute, kept in this instance's memory. The last
 * minute's count weighs in by the share of it still inside the sliding minute, so a caller cannot
 * spend one minute's allowance at its end and the next one's at the start of the next.
 */
export class MinuteLimiter {
  private window = 0;
  private previous = new Map<string, number>();
  private current = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request from `network`; the seconds to wait when over the limit, else 0. */
  take(network: string, now = Date.now()): number {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      // Only two minutes are ever kept: the maps never grow past two minutes' callers.
      this.previous = window === this.window + 1 ? this.current : new Map();
      this.current = new Map();
      this.window = window;
    }
    const elapsed = (now - window * 60_000) / 60_000;
    const previous = this.previous.get(network) ?? 0;
    const count = this.current.get(network) ?? 0;
    if (previous * (1 - elapsed) + count + 1 > this.perMinute + 1e-9) {
      return this.secondsToWait(previous, count, elapsed);
    }
    this.current.set(network, count + 1);
    return 0;
  }

  private secondsToWait(previous: number, count: number, elapsed: number): number {
    // In minutes from this window's start: when the fading weight admits one more request, either
    // of the last minute's count now or, when this minute alone is full, of this one's next minute.
    const admitsAt =
      count + 1 > this.perMinute
        ? 2 - (this.perMinute - 1) / count
        : 1 - (this.perMinute - count - 1) / previous;
    // The epsilon keeps float error from adding a whole second to an exact answer.
    return Math.max(1, Math.ceil((admitsAt - elapsed) * 60 - 1e-9));
  }
}

/**
 * The public help centre's and widget's article limits, per network (IPv4 address or IPv6 /64).
 * Searches and suggestions are cheap index reads but open to scraping loops; votes are writes.
 * Per instance: several replicas multiply the limit, which stays far below harm.
 */
export const HELP_LIMITS = {
  searchPerMinute: 60,
  feedbackPerMinute: 20,
} as const;
