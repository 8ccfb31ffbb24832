import type { StreamEvent } from '@switchboard/contracts';

/** What a socket takes of a batch: the events to emit now, in order, and whether one is missing. */
export interface Accepted {
  emit: StreamEvent[];
  gap: boolean;
}

/**
 * Per-connection delivery state. While `catchingUp`, live events are buffered; afterwards they are
 * emitted only if they continue the sequence exactly (cursor + 1). Anything older is a duplicate,
 * anything further ahead means events are missing and triggers a fill from the log.
 */
export class OperatorSocketState {
  catchingUp = true;
  private buffer: StreamEvent[] = [];

  constructor(public cursor: number) {}

  hold(events: StreamEvent[]): void {
    this.buffer.push(...events);
  }

  drain(): StreamEvent[] {
    const held = this.buffer;
    this.buffer = [];
    return held;
  }

  /** Splits events into those to emit now, in order, and whether a gap was found before the rest. */
  accept(events: StreamEvent[]): Accepted {
    const emit: StreamEvent[] = [];
    const sorted = [...events].sort((a, b) => a.cursor - b.cursor);
    for (const event of sorted) {
      if (event.cursor <= this.cursor) continue;
      if (event.cursor > this.cursor + 1) return { emit, gap: true };
      emit.push(event);
      this.cursor = event.cursor;
    }
    return { emit, gap: false };
  }
}
