import type { StreamEvent } from '@switchboard/contracts';

/** How long a batch waits for the cursors before it when they were taken by a writer still answering. */
export const HOLD_MS = 250;

interface AccountOrder {
  /** The highest cursor handed on. */
  last: number;
  /** Batches that arrived before the ones they follow, oldest first once sorted. */
  held: StreamEvent[][];
  timer: NodeJS.Timeout | null;
}

/**
 * Hands this instance's numbered batches on in cursor order. Two writers (the sequencer and the
 * inbound batches of two lanes) number events under one lock but learn their cursors on different
 * connections, so their results can arrive here in either order; a listener that saw the later
 * batch first would read the log to fill a gap that is about to fill itself.
 *
 * A batch that follows a gap waits only while another local numbering statement is in flight
 * (`begin`), since only that one can fill it here, and never longer than HOLD_MS. A gap nobody
 * here will fill (cursors another instance took, or a writer that lost the answer to its commit)
 * is handed on at once, and the listeners fill it from the log.
 */
export class InOrderDelivery {
  private readonly accounts = new Map<string, AccountOrder>();
  private writers = 0;

  constructor(
    private readonly deliver: (accountId: string, events: StreamEvent[]) => void,
    private readonly holdMs = HOLD_MS,
  ) {}

  /**
   * A local numbering statement starts. Call the returned function once its result is in (or it
   * failed), right before pushing what it numbered.
   */
  begin(): () => void {
    this.writers++;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      // After the push that follows in the same turn: it may be the batch the held ones wait for.
      if (--this.writers === 0) queueMicrotask(() => this.writers === 0 && this.flush());
    };
  }

  /** A numbered batch, in cursor order. */
  push(accountId: string, events: StreamEvent[]): void {
    if (events.length === 0) return;
    let order = this.accounts.get(accountId);
    if (!order) {
      order = { last: events[0]!.cursor - 1, held: [], timer: null };
      this.accounts.set(accountId, order);
    }
    if (events[0]!.cursor > order.last + 1 && this.writers > 0) {
      order.held.push(events);
      order.held.sort((a, b) => a[0]!.cursor - b[0]!.cursor);
      order.timer ??= setTimeout(() => this.release(accountId), this.holdMs).unref();
      return;
    }
    this.handOn(accountId, order, events);
    while (order.held.length > 0 && order.held[0]![0]!.cursor <= order.last + 1)
      this.handOn(accountId, order, order.held.shift()!);
    if (order.held.length === 0) this.clearTimer(order);
  }

  /** Hands on everything held (no local writer left in flight, or shutdown). */
  flush(): void {
    for (const accountId of this.accounts.keys()) this.release(accountId);
  }

  /** The wait is over: what is held goes on in order, gaps and all. */
  private release(accountId: string): void {
    const order = this.accounts.get(accountId);
    if (!order) return;
    this.clearTimer(order);
    const held = order.held;
    order.held = [];
    for (const events of held) this.handOn(accountId, order, events);
  }

  private handOn(accountId: string, order: AccountOrder, events: StreamEvent[]): void {
    order.last = Math.max(order.last, events[events.length - 1]!.cursor);
    this.deliver(accountId, events);
  }

  private clearTimer(order: AccountOrder): void {
    if (order.timer) clearTimeout(order.timer);
    order.timer = null;
  }
}
