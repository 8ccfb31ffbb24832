import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EventConsumerCursorsRepository,
  type ConsumedEvent,
} from './event-consumer-cursors.repository';
import { EventStreamService } from './event-stream.service';

export type { ConsumedEvent } from './event-consumer-cursors.repository';

/**
 * Something that acts on committed events, exactly once: `handle` runs inside the transaction that
 * moves its cursor, so what it writes and the cursor commit together. Throwing rolls both back and
 * the batch comes again (after a pause), so a handler isolates failures it can live with itself
 * (a SAVEPOINT per item) and throws only when nothing of the batch may commit.
 */
export interface DurableEventHandler {
  /** Stable name: the key of its cursors. Renaming it starts over from "now". */
  readonly consumer: string;
  /**
   * Whether it reads a message's email HTML. Those who do not get `html: null` for a large one:
   * up to 1 MB per event, parsed on the API's thread by every consumer, is what held the event
   * loop while big mail arrived.
   */
  readonly readsMessageHtml?: boolean;
  handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void>;
}

const BATCH = 100;
/** Safety net for a notice this instance missed (its listening connection was down). */
const SWEEP_MS = 2_000;
const RETRY_AFTER_FAILURE_MS = 1_000;
/** Another instance holds the account: look again soon, it may have read before our events. */
const RETRY_WHILE_LOCKED_MS = 100;
const LOCKED = -1;

/**
 * Runs every registered handler over every account's stream, in cursor order. Woken by the events
 * this instance publishes or hears (LISTEN), and by a sweep every 2 s for anything missed. Each
 * (handler, account) pair is claimed with `FOR UPDATE SKIP LOCKED` on its cursor row, so with any
 * number of instances one of them handles it, and a crash mid-batch commits nothing of it.
 */
@Injectable()
export class DurableEventConsumersService
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(DurableEventConsumersService.name);
  private readonly handlers: DurableEventHandler[] = [];
  /** Per "consumer/account": the run in progress, and whether more was announced meanwhile. */
  private readonly running = new Map<string, { again: boolean; done: Promise<void> }>();
  private readonly pausedUntil = new Map<string, number>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private started = false;
  private unsubscribe: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cursors: EventConsumerCursorsRepository,
    private readonly stream: EventStreamService,
  ) {}

  /** Call from a provider's `onModuleInit`: handlers start with the application. */
  register(handler: DurableEventHandler): void {
    if (this.handlers.some((h) => h.consumer === handler.consumer)) {
      throw new Error(`Event consumer "${handler.consumer}" is registered twice`);
    }
    this.handlers.push(handler);
    if (this.started) void this.startHandler(handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    this.unsubscribe.push(
      this.stream.onEvents((accountId) => this.wake(accountId)),
      this.stream.onResync(() => void this.sweep()),
    );
    await Promise.all(this.handlers.map((h) => this.startHandler(h)));
    this.scheduleSweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    for (const off of this.unsubscribe) off();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /** Handles everything committed so far for every handler (tests; start-up). */
  async drain(): Promise<void> {
    await this.sweep();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async startHandler(handler: DurableEventHandler): Promise<void> {
    await this.cursors.register(handler.consumer);
    for (const accountId of await this.cursors.accountsBehind(handler.consumer)) {
      this.run(handler, accountId);
    }
  }

  private wake(accountId: string): void {
    for (const handler of this.handlers) this.run(handler, accountId);
  }

  private async sweep(): Promise<void> {
    if (this.stopping) return;
    for (const handler of this.handlers) {
      try {
        for (const accountId of await this.cursors.accountsBehind(handler.consumer)) {
          this.run(handler, accountId);
        }
      } catch (err) {
        this.logger.warn(`Sweep of ${handler.consumer} failed: ${(err as Error).message}`);
      }
    }
  }

  private scheduleSweep(): void {
    if (this.stopping) return;
    this.sweepTimer = setTimeout(() => {
      void this.sweep().finally(() => this.scheduleSweep());
    }, SWEEP_MS);
  }

  /** One loop per (handler, account) in this instance; a wake-up during it runs it once more. */
  private run(handler: DurableEventHandler, accountId: string): void {
    if (this.stopping) return;
    const key = `${handler.consumer}/${accountId}`;
    if ((this.pausedUntil.get(key) ?? 0) > Date.now()) return;
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      try {
        let handled = 0;
        do {
          state.again = false;
          while (!this.stopping && (handled = await this.batch(handler, accountId)) === BATCH);
        } while (state.again && !this.stopping && handled !== LOCKED);
        if (handled === LOCKED && !this.stopping) {
          setTimeout(() => this.run(handler, accountId), RETRY_WHILE_LOCKED_MS).unref();
        }
      } catch (err) {
        this.pausedUntil.set(key, Date.now() + RETRY_AFTER_FAILURE_MS);
        this.logger.error(
          `Event consumer ${handler.consumer} failed for account ${accountId}: ${(err as Error).message}`,
        );
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, state);
  }

  /** One transaction: claim the cursor, hand over up to BATCH events, move the cursor (LOCKED: not ours now). */
  private batch(handler: DurableEventHandler, accountId: string): Promise<number> {
    return this.ds.transaction(async (em) => {
      const cursor = await this.cursors.claim(em, handler.consumer, accountId);
      if (cursor === null) return LOCKED;
      const withHtml = handler.readsMessageHtml === true;
      let events = await this.cursors.eventsAfter(em, accountId, cursor, BATCH, withHtml);
      if (events.length === 0) {
        // Pruned past us (a consumer that was stopped longer than the retention): move on.
        const oldest = await this.cursors.oldestKept(em, accountId);
        if (oldest === null || oldest <= cursor + 1) return 0;
        this.logger.warn(
          `${handler.consumer} skips pruned events of ${accountId} before ${oldest}`,
        );
        events = await this.cursors.eventsAfter(em, accountId, oldest - 1, BATCH, withHtml);
        if (events.length === 0) return 0;
      }
      await handler.handle(em, accountId, events);
      await this.cursors.advance(
        em,
        handler.consumer,
        accountId,
        events[events.length - 1]!.event.cursor,
      );
      return events.length;
    });
  }
}
