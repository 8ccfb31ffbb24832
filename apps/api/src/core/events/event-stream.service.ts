import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  EVENTS_CHANNEL,
  MAX_NOTIFY_BYTES,
  SIGNALS_CHANNEL,
  type EventNotice,
} from './event-channel';
import { EventChannelRepository } from './event-channel.repository';
import { EventLogService } from './event-log.service';
import { InOrderDelivery } from './in-order-delivery';

export type EventListener = (accountId: string, events: StreamEvent[]) => void;
export type SignalListener = (signal: Signal) => void;
/** Listeners that must resynchronise after the listening connection was lost (notices may be missed). */
export type ResyncListener = () => void;

export interface Signal {
  accountId: string;
  kind: string;
  data: unknown;
}

/**
 * Moves committed events to the socket gateways of every instance. Events committed here are
 * delivered to local listeners at once and announced to the other instances with NOTIFY, several
 * commits per NOTIFY; events committed elsewhere arrive through one LISTEN connection. Arrival
 * order across instances is not guaranteed, which is why listeners check cursors and fill gaps from
 * the log. Also carries ephemeral signals such as typing, which are never stored.
 */
@Injectable()
export class EventStreamService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventStreamService.name);
  private client: Client | null = null;
  private stopping = false;
  private readonly eventListeners = new Set<EventListener>();
  private readonly signalListeners = new Set<SignalListener>();
  private readonly resyncListeners = new Set<ResyncListener>();
  /** Serialises notice handling so by-reference notices keep their place in the order. */
  private chain: Promise<void> = Promise.resolve();
  private readonly instanceId = randomUUID();
  private outbox: string[] = [];
  private flushing: Promise<void> | null = null;
  /** This instance's batches reach local listeners in cursor order (see InOrderDelivery). */
  private readonly local = new InOrderDelivery((accountId, events) => {
    for (const listener of this.eventListeners) listener(accountId, events);
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: EventLogService,
    private readonly channel: EventChannelRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /**
   * A numbering statement of this instance starts; call the returned function when its result is
   * in, right before publishing it (see InOrderDelivery).
   */
  beginNumbering(): () => void {
    return this.local.begin();
  }

  /** Numbered events: to local listeners now, to other instances by NOTIFY (coalesced per tick). */
  publish(accountId: string, events: StreamEvent[]): void {
    if (events.length === 0) return;
    this.local.push(accountId, events);
    let notice = JSON.stringify({
      origin: this.instanceId,
      accountId,
      events,
    } satisfies EventNotice);
    if (Buffer.byteLength(notice) > MAX_NOTIFY_BYTES) {
      notice = JSON.stringify({
        origin: this.instanceId,
        accountId,
        fromCursor: events[0]!.cursor,
        toCursor: events[events.length - 1]!.cursor,
      } satisfies EventNotice);
    }
    this.outbox.push(notice);
    if (!this.flushing)
      this.flushing = new Promise((r) => setImmediate(r)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    while (this.outbox.length > 0 && !this.stopping) {
      const batch = this.outbox;
      this.outbox = [];
      try {
        // One notifying commit for many notices: NOTIFY commits are serialised by PostgreSQL.
        await this.channel.announce(batch);
      } catch (err) {
        // Other instances fill the gap from the log on their next event or head check.
        this.logger.warn(
          `Could not announce ${batch.length} event batches: ${(err as Error).message}`,
        );
      }
    }
    this.flushing = null;
  }

  onEvents(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onSignal(listener: SignalListener): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  onResync(listener: ResyncListener): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Broadcast an ephemeral signal to every instance (including this one). */
  async publishSignal(signal: Signal): Promise<void> {
    const client = this.client;
    if (!client) return;
    await this.channel.signal(client, JSON.stringify(signal));
  }

  private async connect(attempt = 0): Promise<void> {
    const client = new Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'switchboard-listen',
    });
    client.on('notification', (msg) => {
      if (!msg.payload) return;
      if (msg.channel === EVENTS_CHANNEL) this.enqueue(msg.payload);
      else if (msg.channel === SIGNALS_CHANNEL) this.dispatchSignal(msg.payload);
    });
    client.on('error', (err) =>
      this.logger.warn(`Event listener connection error: ${err.message}`),
    );
    client.on('end', () => {
      // Only the live connection's end starts a reconnect: a client that never became live (a
      // failed attempt, ended below) must not start a second loop beside the one retrying it.
      if (this.client !== client) return;
      this.client = null;
      if (!this.stopping) void this.reconnect();
    });
    try {
      await client.connect();
      await this.channel.listen(client);
      this.client = client;
      if (attempt > 0) for (const l of this.resyncListeners) l();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
  }

  private reconnecting = false;

  private async reconnect(): Promise<void> {
    if (this.reconnecting) return;
    this.reconnecting = true;
    try {
      await this.reconnectLoop();
    } finally {
      this.reconnecting = false;
    }
  }

  private async reconnectLoop(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
      if (this.stopping) return;
      try {
        await this.connect(attempt);
        this.logger.log('Event listener reconnected');
        return;
      } catch (err) {
        this.logger.warn(`Event listener reconnect failed: ${(err as Error).message}`);
      }
    }
  }

  private enqueue(payload: string): void {
    this.chain = this.chain
      .then(() => this.handleNotice(payload))
      .catch((err: Error) => {
        this.logger.error(`Failed to dispatch events: ${err.message}`);
      });
  }

  private async handleNotice(payload: string): Promise<void> {
    const notice = JSON.parse(payload) as EventNotice;
    // Our own commits were delivered locally already.
    if (notice.origin === this.instanceId) return;
    const events =
      'events' in notice
        ? notice.events
        : await this.log.after(
            notice.accountId,
            notice.fromCursor - 1,
            notice.toCursor - notice.fromCursor + 1,
            notice.toCursor,
          );
    for (const listener of this.eventListeners) listener(notice.accountId, events);
  }

  private dispatchSignal(payload: string): void {
    const signal = JSON.parse(payload) as Signal;
    for (const listener of this.signalListeners) listener(signal);
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.flush();
    this.stopping = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
