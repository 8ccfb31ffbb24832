import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StreamEventType } from '@switchboard/contracts';
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
  /**
   * The event types `handle` can act on (all when absent). The others are never handed over: they
   * still move the cursor, but their payloads are not read.
   */
  readonly eventTypes?: readonly StreamEventType[];
  /**
   * Whether nothing in the account can make `handle` act now (no subscription, no event rule, no
   * policy): the batch then moves the cursor to the head without reading a payload. Asked after
   * the head is read, so an event after the head is judged by a later batch, and one before it
   * happened before anything this check could miss was committed. Usually asked outside a
   * transaction (`em` is then the data source's manager), so it must not rely on one.
   */
  isIdle?(em: EntityManager, accountId: string): Promise<boolean>;
  handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void>;
}

const BATCH = 100;
/** Safety net for a notice this instance missed (its listening connection was down). */
const SWEEP_MS = 2_000;
const RETRY_AFTER_FAILURE_MS = 1_000;
/** Another instance holds the account: look again soon, it may have read before our events. */
const RETRY_WHILE_LOCKED_MS = 100;
const LOCKED = -1;
/** A run that passed an idle handler over: nothing handled. */
const IDLE = -2;
/**
 * After an idle pass, the handler's next run in that account waits this long, taking every wake-up
 * meanwhile in one: under load an idle handler would otherwise spend three round trips per burst
 * to learn it is still idle. The first event after a subscription or rule is enabled waits at most
 * this much more.
 */
const IDLE_REST_MS = 100;

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
  /** Per "consumer/account" passed over as idle: no run before this time (IDLE_REST_MS). */
  private readonly restingUntil = new Map<string, number>();
  /** Per "consumer/account": the run scheduled for the end of its rest. */
  private readonly afterRest = new Map<string, NodeJS.Timeout>();
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
    for (const timer of this.afterRest.values()) clearTimeout(timer);
    for (const off of this.unsubscribe) off();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /** Handles everything committed so far for every handler (tests; start-up). */
  async drain(): Promise<void> {
    // Everything committed so far means idle handlers too: their rest is cut short.
    this.restingUntil.clear();
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
    const restEnds = this.restingUntil.get(key) ?? 0;
    if (restEnds > Date.now()) {
      this.runAfterRest(handler, accountId, key, restEnds);
      return;
    }
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
        } while (state.again && !this.stopping && handled !== LOCKED && handled !== IDLE);
        if (handled === LOCKED && !this.stopping) {
          setTimeout(() => this.run(handler, accountId), RETRY_WHILE_LOCKED_MS).unref();
        }
        if (handled === IDLE) {
          const restEnds = Date.now() + IDLE_REST_MS;
          this.restingUntil.set(key, restEnds);
          if (state.again) this.runAfterRest(handler, accountId, key, restEnds);
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

  /** One run when the rest ends, however many wake-ups arrive meanwhile. */
  private runAfterRest(
    handler: DurableEventHandler,
    accountId: string,
    key: string,
    restEnds: number,
  ): void {
    if (this.afterRest.has(key) || this.stopping) return;
    const timer = setTimeout(
      () => {
        this.afterRest.delete(key);
        this.restingUntil.delete(key);
        this.run(handler, accountId);
      },
      Math.max(0, restEnds - Date.now()),
    );
    timer.unref();
    this.afterRest.set(key, timer);
  }

  /**
   * One step of a run: how many events it handled (BATCH: there may be more), LOCKED, or IDLE. Nothing
   * new after the cursor, or nothing to act on, is settled without a transaction: one read of the
   * head and the cursor, then for an idle handler its check and one statement moving the cursor.
   * Handling events is one transaction (`handleBatch`).
   */
  private async batch(handler: DurableEventHandler, accountId: string): Promise<number> {
    // Head first, then the idle check: see DurableEventHandler.isIdle for why this order.
    const { head, cursor } = await this.cursors.position(handler.consumer, accountId);
    // No cursor row yet: the transaction creates it (or finds another instance creating it).
    if (cursor === null) return this.handleBatch(handler, accountId, true);
    if (head <= cursor) return 0;
    if (handler.isIdle && (await handler.isIdle(this.ds.manager, accountId))) {
      return (await this.cursors.skipTo(handler.consumer, accountId, head)) ? IDLE : LOCKED;
    }
    return this.handleBatch(handler, accountId, false);
  }

  /**
   * One transaction: claim the cursor, hand over up to BATCH events, move the cursor (LOCKED: not
   * ours now). With `checkIdle`, an idle handler is passed over to the head as in `batch`.
   */
  private handleBatch(
    handler: DurableEventHandler,
    accountId: string,
    checkIdle: boolean,
  ): Promise<number> {
    return this.ds.transaction(async (em) => {
      const cursor = await this.cursors.claim(em, handler.consumer, accountId);
      if (cursor === null) return LOCKED;
      if (checkIdle && handler.isIdle) {
        const head = await this.cursors.headOf(em, accountId);
        if (head <= cursor) return 0;
        if (await handler.isIdle(em, accountId)) {
          await this.cursors.advance(em, handler.consumer, accountId, head);
          return 0;
        }
      }
      const read = (after: number) =>
        this.cursors.eventsAfter(
          em,
          accountId,
          after,
          BATCH,
          handler.readsMessageHtml === true,
          handler.eventTypes ?? null,
        );
      let window = await read(cursor);
      if (window.size === 0) {
        // Pruned past us (a consumer that was stopped longer than the retention): move on.
        const oldest = await this.cursors.oldestKept(em, accountId);
        if (oldest === null || oldest <= cursor + 1) return 0;
        this.logger.warn(
          `${handler.consumer} skips pruned events of ${accountId} before ${oldest}`,
        );
        window = await read(oldest - 1);
        if (window.size === 0) return 0;
      }
      if (window.events.length > 0) await handler.handle(em, accountId, window.events);
      await this.cursors.advance(em, handler.consumer, accountId, window.last);
      return window.size;
    });
  }
}
