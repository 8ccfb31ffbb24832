import type { Logger } from '@nestjs/common';

/**
 * The loop behind every "when its time comes" job (snooze wake-ups, task reminders): handle due
 * items one transaction at a time until none is left, then look again after `intervalMs`. Each
 * `handle` claims its rows with SKIP LOCKED, so any number of instances share the work and each
 * item is handled once; whatever fell due while every instance was down is due at start. `handle`
 * answers whether it handled an item, or how many it handled in one batch (0: nothing was due).
 */
export class DueWorkPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly handle: () => Promise<boolean | number>,
    private readonly logger: Logger,
    /** Transactions in flight at once while draining (SKIP LOCKED keeps them apart). */
    private readonly workers = 1,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Handles every item due now; returns how many. */
  async drain(): Promise<number> {
    let handled = 0;
    const worker = async () => {
      while (!this.stopped) {
        const done = await this.handle();
        if (done === false || done === 0) return;
        handled += done === true ? 1 : done;
      }
    };
    await Promise.all(Array.from({ length: this.workers }, worker));
    return handled;
  }

  /** Stops polling and waits for the item in hand, so shutdown never cuts a transaction short. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((err: Error) => this.logger.error(`${this.what} failed: ${err.message}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.intervalMs);
        });
    }, delay);
  }
}
