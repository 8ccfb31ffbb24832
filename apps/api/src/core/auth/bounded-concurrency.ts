/** Thrown at once when every slot is busy and the queue is full: the caller should retry later. */
export class ConcurrencyLimitReached extends Error {
  override name = 'ConcurrencyLimitReached';
}

/**
 * At most `limit` tasks run at a time and at most `queueLimit` wait; anything beyond is refused
 * immediately instead of piling up (a flood then costs memory and CPU for a bounded few only).
 */
export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    private readonly queueLimit: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queueLimit) throw new ConcurrencyLimitReached();
      // The finishing task hands its slot over directly, so `running` never dips in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
