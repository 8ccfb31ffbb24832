import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { StreamEvent } from '@switchboard/contracts';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENTS_CHANNEL, SIGNALS_CHANNEL, type EventNotice } from './event-channel';
import { EventLogService } from './event-log.service';

export type EventListener = (accountId: string, events: StreamEvent[]) => void;
export type SignalListener = (signal: Signal) => void;
/** Listeners that must resynchronise after the LISTEN connection was lost (notices may be missed). */
export type ResyncListener = () => void;

export interface Signal {
  accountId: string;
  kind: string;
  data: unknown;
}

/**
 * Receives committed events from every API instance through one LISTEN connection, in commit
 * order, and hands them to in-process listeners (the socket gateways). Also carries ephemeral
 * signals such as typing, which are never stored.
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

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: EventLogService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
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
    await client.query('SELECT pg_notify($1, $2)', [SIGNALS_CHANNEL, JSON.stringify(signal)]);
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
      if (this.client === client) this.client = null;
      if (!this.stopping) void this.reconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${SIGNALS_CHANNEL}`);
      this.client = client;
      if (attempt > 0) for (const l of this.resyncListeners) l();
    } catch (err) {
      await client.end().catch(() => undefined);
      if (attempt === 0) throw err;
      throw err;
    }
  }

  private async reconnect(): Promise<void> {
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
    this.stopping = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
