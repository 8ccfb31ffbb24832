export interface AdmissionLimits {
  /** Requests running at once. */
  concurrency: number;
  /** Requests waiting for a slot; beyond this the next is refused at once. */
  queue: number;
  /** The longest a newcomer should expect to wait; an expected wait above it is refused at once. */
  maxWaitMs: number;
}

interface Waiter {
  /** performance.now() when it joined the queue. */
  since: number;
  grant: (release: () => void) => void;
  refuse: (retryAfterSeconds: number) => void;
  settled: boolean;
  timer: NodeJS.Timeout;
}

/** Weight of the newest request in the running mean of service time. */
const EWMA_WEIGHT = 0.1;
/** The service time assumed before the first request has finished. */
const FIRST_GUESS_MS = 10;
/**
 * A queued request waits at most this many budgets. Far above the budget on purpose: once queued,
 * a late 200 beats a late 503 (the refusal should have been at the door); this only ends waits
 * that can never end well (the database stalled, every slot stuck).
 */
const QUEUE_TIMEOUT_BUDGETS = 20;

/**
 * Admission in front of work that holds scarce resources (pooled connections, the event loop):
 * at most `concurrency` run, a short FIFO queue waits, and anything that would wait longer than
 * `maxWaitMs` is refused at the door. Offered more than it can do, the server keeps doing what it
 * can at its best rate and says "come back later" to the rest in microseconds, instead of queueing
 * everything until every request is late (the collapse measured in issue 19).
 *
 * The expected wait is (queued + 1) × mean service time / concurrency (Little's law), the mean
 * being a running average of how long admitted requests took, pool waits included. A queued
 * request still waiting after 20 budgets (something stalled) is refused then: it has not started,
 * so a refusal is always safe to retry.
 */
export class AdmissionControl {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private serviceMs = FIRST_GUESS_MS;
  private refusedCount = 0;

  constructor(readonly limits: AdmissionLimits) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Requests refused since start (at the door or after waiting too long). */
  get refused(): number {
    return this.refusedCount;
  }

  get meanServiceMs(): number {
    return this.serviceMs;
  }

  /**
   * What a request arriving now would wait, in ms (0: a slot is free): the estimate, or what the
   * head of the queue has already waited if that is more (the queue is not draining as estimated:
   * a stalled database, a burst of slow requests), so a wrong estimate never fills the queue.
   */
  expectedWaitMs(): number {
    if (this.running < this.limits.concurrency) return 0;
    const estimate = ((this.waiting.length + 1) * this.serviceMs) / this.limits.concurrency;
    const head = this.waiting[0];
    return head ? Math.max(estimate, performance.now() - head.since) : estimate;
  }

  /**
   * Calls `grant` (now or when a slot frees) with the `release` to call exactly once when the work
   * is over, or `refuse` with the seconds to wait before retrying. Returns `cancel`, which takes a
   * request that went away out of the queue (a no-op once it was granted or refused).
   */
  enter(
    grant: (release: () => void) => void,
    refuse: (retryAfterSeconds: number) => void,
  ): () => void {
    if (this.running < this.limits.concurrency) {
      this.running++;
      grant(this.releaser());
      return noop;
    }
    const wait = this.expectedWaitMs();
    if (this.waiting.length >= this.limits.queue || wait > this.limits.maxWaitMs) {
      this.refusedCount++;
      refuse(this.retryAfterSeconds(wait));
      return noop;
    }
    const waiter: Waiter = {
      since: performance.now(),
      grant,
      refuse,
      settled: false,
      timer: setTimeout(() => this.timeOut(waiter), QUEUE_TIMEOUT_BUDGETS * this.limits.maxWaitMs),
    };
    waiter.timer.unref();
    this.waiting.push(waiter);
    return () => this.remove(waiter);
  }

  private releaser(): () => void {
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const took = performance.now() - started;
      this.serviceMs += EWMA_WEIGHT * (took - this.serviceMs);
      // The slot passes straight to the next waiter, so `running` never dips in between.
      const next = this.waiting.shift();
      if (!next) {
        this.running--;
        return;
      }
      next.settled = true;
      clearTimeout(next.timer);
      next.grant(this.releaser());
    };
  }

  private timeOut(waiter: Waiter): void {
    if (!this.remove(waiter)) return;
    this.refusedCount++;
    waiter.refuse(this.retryAfterSeconds(this.expectedWaitMs()));
  }

  /** Takes a waiter out of the queue; false when it was already granted or refused. */
  private remove(waiter: Waiter): boolean {
    if (waiter.settled) return false;
    waiter.settled = true;
    clearTimeout(waiter.timer);
    const i = this.waiting.indexOf(waiter);
    if (i >= 0) this.waiting.splice(i, 1);
    return true;
  }

  private retryAfterSeconds(waitMs: number): number {
    return Math.max(1, Math.ceil(waitMs / 1000));
  }
}

function noop(): void {
  // nothing to cancel
}
