import { z } from 'zod';

/**
 * How often the sync looks, retries and checks its connection. Production defaults; tests shorten
 * them through the environment (EMAIL_SYNC_*_MS) to exercise reconnects in seconds.
 */
const timingsSchema = z.object({
  EMAIL_SYNC_POLL_MS: z.coerce.number().int().min(100).default(60_000),
  EMAIL_SYNC_SAFETY_POLL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5 * 60_000),
  EMAIL_SYNC_WATCHDOG_MS: z.coerce.number().int().min(100).default(60_000),
  EMAIL_SYNC_WATCHDOG_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  EMAIL_SYNC_MAX_IDLE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(25 * 60_000),
  EMAIL_SYNC_RECONNECT_MS: z.coerce.number().int().min(50).default(2_000),
  EMAIL_SYNC_LOCK_RETRY_MS: z.coerce.number().int().min(50).default(15_000),
  EMAIL_SYNC_RESCAN_MS: z.coerce.number().int().min(100).default(30_000),
});

export interface EmailSyncTimings {
  pollMs: number;
  safetyPollMs: number;
  watchdogMs: number;
  watchdogTimeoutMs: number;
  maxIdleMs: number;
  reconnectMs: number;
  lockRetryMs: number;
  /** How often the set of email inboxes (and their settings) is re-read. */
  rescanMs: number;
}

export const EMAIL_SYNC_TIMINGS = Symbol('EMAIL_SYNC_TIMINGS');

export function loadEmailSyncTimings(env: NodeJS.ProcessEnv = process.env): EmailSyncTimings {
  const t = timingsSchema.parse(env);
  return {
    pollMs: t.EMAIL_SYNC_POLL_MS,
    safetyPollMs: t.EMAIL_SYNC_SAFETY_POLL_MS,
    watchdogMs: t.EMAIL_SYNC_WATCHDOG_MS,
    watchdogTimeoutMs: t.EMAIL_SYNC_WATCHDOG_TIMEOUT_MS,
    maxIdleMs: t.EMAIL_SYNC_MAX_IDLE_MS,
    reconnectMs: t.EMAIL_SYNC_RECONNECT_MS,
    lockRetryMs: t.EMAIL_SYNC_LOCK_RETRY_MS,
    rescanMs: t.EMAIL_SYNC_RESCAN_MS,
  };
}
