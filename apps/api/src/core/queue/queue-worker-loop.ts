import type PgBoss from 'pg-boss';

export type JobHandler<T> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

/**
 * One queue's worker: fetch a job, run it, record the outcome, repeat; sleep the polling interval
 * only when the queue is empty, and wake early on a nudge.
 *
 * Ours rather than pg-boss's `work()`, so a stop is something we can await: pg-boss stops its own
 * workers with an unawaited monitor that keeps polling (and loading modules) after `stop()` has
 * resolved, which outlives the app and, in tests, the suite that started it.
 */
export class QueueWorkerLoop<T> {
  private stopping = false;
  private wake: (() => void) | null = null;
  private running: PgBoss.JobWithMetadata<T> | null = null;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly boss: PgBoss,
    private readonly name: string,
    private readonly handler: JobHandler<T>,
    private readonly pollMs: number,
    private readonly onError: (message: string) => void,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  /** Fetch now instead of at the next poll (a job was just committed). */
  nudge(): void {
    this.wake?.();
  }

  /** Fetch no more jobs; resolves once the running one (if any) has finished and been recorded. */
  stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    return this.loop;
  }

  /** The job still running when the shutdown grace ran out: failed now, so it is retried. */
  async abandonRunning(): Promise<void> {
    const job = this.running;
    if (!job) return;
    // Its late outcome, if it ever comes, is not recorded over this failure.
    this.running = null;
    await this.boss
      .fail(this.name, job.id, { message: 'shut down while the job was running' })
      .catch((err: Error) => this.onError(`failing ${this.name} job ${job.id}: ${err.message}`));
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const job = await this.fetch();
      if (job) await this.execute(job);
      else await this.sleep();
    }
  }

  private async fetch(): Promise<PgBoss.JobWithMetadata<T> | undefined> {
    try {
      const [job] = await this.boss.fetch<T>(this.name, { batchSize: 1, includeMetadata: true });
      return job;
    } catch (err) {
      this.onError(`fetching ${this.name}: ${(err as Error).message}`);
      return undefined;
    }
  }

  private async execute(job: PgBoss.JobWithMetadata<T>): Promise<void> {
    this.running = job;
    let failure: Error | null = null;
    // Outliving the job's expiry fails it, as pg-boss would (it is then retried).
    const expiryMs = Math.max(1, Number(job.expireInSeconds) || 1) * 1000;
    try {
      if (!(await finishesWithin(this.handler(job), expiryMs)))
        failure = new Error(`handler execution exceeded ${expiryMs}ms`);
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    }
    // Abandoned at shutdown: the job has been failed already and may be running elsewhere.
    if (this.running !== job) return;
    this.running = null;
    try {
      if (failure) await this.boss.fail(this.name, job.id, { message: failure.message });
      else await this.boss.complete(this.name, job.id);
    } catch (err) {
      // The job expires and is retried: handlers are idempotent for exactly this case.
      this.onError(`recording ${this.name} job ${job.id}: ${(err as Error).message}`);
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}

/**
 * Waits for `work` at most `ms`: true when it finished, false when the time ran out first (the work
 * itself goes on); a failure of the work is thrown.
 */
export async function finishesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
