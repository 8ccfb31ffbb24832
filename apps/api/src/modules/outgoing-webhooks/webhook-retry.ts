/** Multiples of the base delay before attempts 2 … 6: 30 s, 2 min, 10 min, 1 h, 6 h at 30 s. */
const BACKOFF_FACTORS = [1, 4, 20, 120, 720] as const;

/** Attempts in all (the first and five retries); after the last failure a delivery is `failed`. */
export const MAX_WEBHOOK_ATTEMPTS = BACKOFF_FACTORS.length + 1;

/**
 * The wait after failed attempt `attempt` (1-based), or null when none is left. Up to 20 % jitter
 * keeps endpoints that came back from being hit by every delayed delivery in the same second.
 */
export function webhookRetryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number | null {
  const factor = BACKOFF_FACTORS[attempt - 1];
  if (factor === undefined) return null;
  return Math.round(baseMs * factor * (1 + 0.2 * random()));
}
