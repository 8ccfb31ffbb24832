/** Fixed one-minute windows per caller network, kept in this instance's memory. */
export class MinuteLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request from `network`; the seconds to wait when over the limit, else 0. */
  take(network: string, now = Date.now()): number {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      // A new minute forgets the last one: the map never grows past one minute's callers.
      this.window = window;
      this.counts.clear();
    }
    const count = (this.counts.get(network) ?? 0) + 1;
    if (count > this.perMinute) return Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
    this.counts.set(network, count);
    return 0;
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
