import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionSqlExecutor } from '../database/transaction-sql-executor';
import { finishesWithin, QueueWorkerLoop, type JobHandler } from './queue-worker-loop';

export type { JobHandler } from './queue-worker-loop';

export interface QueueDefinition {
  name: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with retryBackoff. */
  retryDelay: number;
  expireInSeconds: number;
}

export interface EnqueueOptions {
  /** Run no earlier than this (a backoff, a lease to outlive). */
  startAfter?: Date;
}

/**
 * The job queue: pg-boss on the same PostgreSQL, so the embedded default needs nothing else and a
 * job can be enqueued in the same transaction as the row it is about (no lost or phantom jobs).
 */
@Injectable()
export class QueueService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly workers = new Map<string, QueueWorkerLoop<unknown>>();
  private defining: Promise<void> = Promise.resolve();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private start(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.config.DATABASE_URL,
        schema: 'pgboss',
        max: 4,
        maintenanceIntervalSeconds: this.config.QUEUE_MAINTENANCE_INTERVAL_SECONDS,
        application_name: 'switchboard-queue',
      });
      boss.on('error', (err: Error) => this.logger.error(`Queue error: ${err.message}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })();
    return this.starting;
  }

  /**
   * Creates or updates a queue. One at a time: modules define theirs in parallel at start, and
   * pg-boss creating two queues at once deadlocks on its own tables.
   */
  define(def: QueueDefinition): Promise<void> {
    const next = this.defining.then(async () => {
      const boss = await this.start();
      const { name, ...options } = def;
      if (await boss.getQueue(name))
        await boss.updateQueue(name, { name, ...options, retryBackoff: true });
      else await boss.createQueue(name, { name, ...options, retryBackoff: true });
    });
    this.defining = next.catch(() => undefined);
    return next;
  }

  /** Enqueue inside the caller's transaction: the job exists if and only if the transaction commits. */
  async sendInTransaction(
    em: EntityManager,
    name: string,
    data: object,
    options: EnqueueOptions = {},
  ): Promise<void> {
    const boss = await this.start();
    await boss.send(name, data, {
      startAfter: options.startAfter,
      db: transactionSqlExecutor(em),
    });
  }

  async work<T>(name: string, handler: JobHandler<T>): Promise<void> {
    if (!this.config.QUEUE_ENABLED) return;
    const boss = await this.start();
    // One job at a time per queue; while jobs are found the next is fetched at once, the polling
    // interval is waited only when the queue is empty.
    const worker = new QueueWorkerLoop<T>(boss, name, handler, WORKER_POLL_MS, (message) =>
      this.logger.error(`Queue worker: ${message}`),
    );
    this.workers.set(name, worker as QueueWorkerLoop<unknown>);
    worker.start();
  }

  /** Wake local workers now instead of at their next poll (the job was just committed). */
  nudge(name: string): void {
    this.workers.get(name)?.nudge();
  }

  /**
   * Before any module shuts down (not with them): a job still running when the stop begins, say
   * recording a send's outcome, needs the database, which closes in the shutdown phase.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (!boss) return;
    // Graceful: stop fetching, let running jobs finish within the timeout; one still running then
    // is failed at once, so another instance retries it without waiting for it to expire.
    const workers = [...this.workers.values()];
    await finishesWithin(
      Promise.all(workers.map((w) => w.stop())),
      this.config.SHUTDOWN_TIMEOUT_MS,
    );
    await Promise.all(workers.map((w) => w.abandonRunning()));
    await boss.stop({ graceful: false, close: true });
  }
}

/** How often an idle worker looks for jobs another instance (or a restart) left behind. */
const WORKER_POLL_MS = 500;
