import type { StreamEvent } from '@switchboard/contracts';

/** PostgreSQL NOTIFY channels: how instances tell each other about committed events. */
export const EVENTS_CHANNEL = 'switchboard_events';
/** Ephemeral signals (typing, presence) that are never stored. */
export const SIGNALS_CHANNEL = 'switchboard_signals';
/** NOTIFY payloads must stay under 8000 bytes; larger batches travel by reference. */
export const MAX_NOTIFY_BYTES = 7_500;

export type EventNotice =
  | { origin: string; accountId: string; events: StreamEvent[] }
  | { origin: string; accountId: string; fromCursor: number; toCursor: number };
