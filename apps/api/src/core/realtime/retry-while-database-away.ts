import type { Logger } from '@nestjs/common';

/** A log unreadable this long (not a restart, a failover) gives up; the client resumes on its own. */
export const RETRY_WHILE_AWAY_MS = 60_000;

/**
 * Runs `attempt` until it succeeds, again after 100 ms doubling to at most 2 s apart, while
 * `wanted()` holds: a database restarting is a pause, not a failure. After RETRY_WHILE_AWAY_MS
 * of failures `giveUp` runs instead.
 */
export function retryWhileDatabaseAway(
  attempt: () => Promise<void>,
  opts: { what: string; logger: Logger; wanted: () => boolean; giveUp: () => void },
  since = Date.now(),
  tries = 0,
): void {
  attempt().catch((err: Error) => {
    if (!opts.wanted()) return;
    if (Date.now() - since > RETRY_WHILE_AWAY_MS) {
      opts.logger.error(`${opts.what} failed: ${err.message}`);
      opts.giveUp();
      return;
    }
    opts.logger.warn(`${opts.what} failed, trying again: ${err.message}`);
    const delay = Math.min(2_000, 100 * 2 ** tries);
    setTimeout(() => retryWhileDatabaseAway(attempt, opts, since, tries + 1), delay).unref();
  });
}
