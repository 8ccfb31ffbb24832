import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StreamEvent } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import { AfterCommitPublisher } from './after-commit.publisher';
import { EventLogService } from './event-log.service';
import { EventStreamService } from './event-stream.service';

/** Events left unnumbered this long (their writer died right after commit) are picked up by anyone. */
const ORPHAN_AFTER_MS = 1_000;
const SWEEP_EVERY_MS = 1_000;

/**
 * Numbers committed events and publishes them. Runs per account, coalescing: while one sequencing
 * statement runs, further commits only mark the account dirty, so bursts are numbered in batches.
 */
@Injectable()
export class EventSequencerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventSequencerService.name);
  private readonly running = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private sweeper: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly log: EventLogService,
    private readonly stream: EventStreamService,
  ) {
    const committed = (accountId: string) => this.request(accountId);
    const published = (accountId: string, events: StreamEvent[]) =>
      this.stream.publish(accountId, events);
    this.log.committed = committed;
    this.log.published = published;
    this.ds.subscribers.push(new AfterCommitPublisher(committed, published));
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
    void this.sweep();
  }

  /** Ask for the account's new events to be numbered and published (soon, coalesced). */
  request(accountId: string): void {
    if (this.stopped) return;
    if (this.running.has(accountId)) {
      this.dirty.add(accountId);
      return;
    }
    const run = this.run(accountId).finally(() => {
      this.running.delete(accountId);
      if (this.dirty.delete(accountId)) this.request(accountId);
    });
    this.running.set(accountId, run);
  }

  /** Resolves when every sequencing requested so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async run(accountId: string): Promise<void> {
    const numbered = this.stream.beginNumbering();
    try {
      const events = await this.log.sequence(accountId);
      numbered();
      this.stream.publish(accountId, events);
    } catch (err) {
      numbered();
      // The events stay unnumbered; the sweep retries them.
      this.logger.warn(`Sequencing events of ${accountId} failed: ${(err as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const accountId of await this.log.accountsWithUnsequenced(ORPHAN_AFTER_MS))
        this.request(accountId);
    } catch (err) {
      this.logger.warn(`Event sweep failed: ${(err as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.idle();
    this.stopped = true;
  }
}
