import type { StreamEvent } from '@switchboard/contracts';
import type { LoggedEvent } from './events.repository';

/** A numbered event as the stream sends it (the cursor is a bigint, far below 2^53). */
export function toStreamEvent(e: LoggedEvent): StreamEvent {
  return {
    cursor: Number(e.cursor),
    type: e.type,
    conversationId: e.conversationId,
    at: e.createdAt.toISOString(),
    payload: e.payload,
  } as StreamEvent;
}
