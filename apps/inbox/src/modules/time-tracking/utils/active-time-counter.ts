import { MAX_HEARTBEAT_SECONDS, TIME_IDLE_AFTER_SECONDS } from '@switchboard/contracts';

/** What the page says about the operator at a tick. */
export interface Presence {
  visible: boolean;
  focused: boolean;
}

/** A gap between ticks longer than this was a sleeping laptop or a frozen tab: not counted. */
const MAX_TICK_MS = 2_000;

/**
 * Counts the time an operator is actually at a conversation: between two ticks, the elapsed time
 * counts when the page is visible, the window focused, and there was input (keys, pointer,
 * scroll) within the last TIME_IDLE_AFTER_SECONDS. Pure: the hook feeds it events and the clock.
 */
export class ActiveTimeCounter {
  private pendingMs = 0;
  private lastTickAt: number;
  private lastInputAt: number;

  constructor(now: number) {
    // Opening the conversation was itself input.
    this.lastTickAt = now;
    this.lastInputAt = now;
  }

  input(now: number): void {
    this.lastInputAt = now;
  }

  tick(now: number, presence: Presence): void {
    const elapsed = now - this.lastTickAt;
    this.lastTickAt = now;
    const active = now - this.lastInputAt <= TIME_IDLE_AFTER_SECONDS * 1000;
    if (presence.visible && presence.focused && active && elapsed > 0 && elapsed <= MAX_TICK_MS)
      this.pendingMs += elapsed;
  }

  /** Whole active seconds not yet sent (at most one heartbeat's worth); the rest stays pending. */
  take(): number {
    const seconds = Math.min(Math.floor(this.pendingMs / 1000), MAX_HEARTBEAT_SECONDS);
    this.pendingMs -= seconds * 1000;
    return seconds;
  }
}
