import type { InboundEvent } from '@switchboard/channels-core';

/**
 * Something about a mail the inbox's sync log should say, so that nothing is skipped or read only
 * in part silently: `skipped` (nothing stored, and why), `automated` (stored, marked automatic),
 * `simplified` (stored, but part of it could not be kept or read).
 */
export interface EmailReadingNote {
  action: 'skipped' | 'automated' | 'simplified';
  reason: string;
}

/** One raw mail, read: the events the core stores, and what the sync log should say about it. */
export interface EmailReading {
  events: InboundEvent[];
  notes: EmailReadingNote[];
}
