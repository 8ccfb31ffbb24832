import type { StreamEvent } from '@switchboard/contracts';

/** PostgreSQL NOTIFY channels. NOTIFY is transactional and delivered in commit order to every instance. */
export const EVENTS_CHANNEL = 'switchboard_events';
/** Ephemeral signals (typing, presence) that are never stored. */
export const SIGNALS_CHANNEL = 'switchboard_signals';
/** NOTIFY payloads must stay under 8000 bytes; larger batches travel by reference. */
export const MAX_NOTIFY_BYTES = 7_500;

export type EventNotice =
  | { accountId: string; events: StreamEvent[] }
  | { accountId: string; fromCursor: number; toCursor: number };
