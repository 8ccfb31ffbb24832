import type { Logger } from '@nestjs/common';
import { ChannelError, ChannelInputError, type InboxContext } from '@switchboard/channels-core';
import type { TelegramChannelAdapter, TelegramSecrets } from '@switchboard/channels-telegram';
import { InboxLock } from '../../core/database/inbox-lock.repository';
import type { ChannelPollCursorsRepository } from '../channels/channel-poll-cursors.repository';
import type { InboundPipelineService } from '../channels/inbound-pipeline.service';
import type { InboxRow } from '../inboxes/inboxes.service';

export interface TelegramPollLoopOptions {
  inbox: InboxRow;
  context: InboxContext<unknown, unknown>;
  adapter: TelegramChannelAdapter;
  databaseUrl: string;
  timeoutSeconds: number;
  pipeline: InboundPipelineService;
  cursors: ChannelPollCursorsRepository;
  /** Telegram refused the token: the inbox shows why, and polling waits for a new one. */
  onRevoked(reason: string): Promise<void>;
  logger: Logger;
}

/** Waits after a failed poll: 1, 2, 4 … 30 s, so an outage is not hammered. */
const backoffMs = (failures: number) => Math.min(1_000 * 2 ** Math.max(failures - 1, 0), 30_000);

/**
 * One bot's getUpdates loop, on the instance holding the inbox's advisory lock. The offset is
 * stored only after the updates before it are ingested: a crash re-reads them, and the unique
 * keys store each once.
 */
export class TelegramPollLoop {
  private lock: InboxLock | null = null;
  private running: Promise<void> | null = null;
  private abort = new AbortController();
  private stopped = false;
  private finished = false;

  constructor(private readonly o: TelegramPollLoopOptions) {}

  get inboxId(): string {
    return this.o.inbox.id;
  }

  get isPolling(): boolean {
    return this.lock !== null && !this.lock.isLost && !this.stopped;
  }

  /** Ended by itself (lost the lock race, a revoked token): the next rescan may start another. */
  get isFinished(): boolean {
    return this.finished;
  }

  /** Whether this loop polls with these credentials (a new token needs a new loop). */
  serves(context: InboxContext<unknown, unknown>): boolean {
    return (
      (context.secrets as TelegramSecrets).botToken ===
      (this.o.context.secrets as TelegramSecrets).botToken
    );
  }

  start(): void {
    this.running = this.run()
      .catch((err: unknown) =>
        this.o.logger.warn(`Telegram inbox ${this.inboxId}: ${(err as Error).message}`),
      )
      .finally(() => {
        this.finished = true;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    this.lock = await InboxLock.tryAcquire(this.o.databaseUrl, this.inboxId, 'telegram-poll');
    if (!this.lock) return;
    this.lock.onLost(() => this.abort.abort());
    try {
      let failures = 0;
      while (!this.stopped && !this.lock.isLost) {
        try {
          await this.pollOnce();
          failures = 0;
        } catch (err) {
          if (this.stopped) break;
          if (err instanceof ChannelError && err.code === 'AUTH_FAILED') {
            await this.o.onRevoked(err.message);
            return;
          }
          failures++;
          this.o.logger.warn(`Telegram inbox ${this.inboxId}: ${(err as Error).message}`);
          await this.sleep(backoffMs(failures));
        }
      }
    } finally {
      await this.lock.release();
    }
  }

  private async pollOnce(): Promise<void> {
    const offset = await this.o.cursors.get(this.inboxId);
    const updates = await this.o.adapter.pollUpdates(
      this.o.context as Parameters<TelegramChannelAdapter['pollUpdates']>[0],
      { offset, timeoutSeconds: this.o.timeoutSeconds, signal: this.abort.signal },
    );
    if (updates.length === 0 || this.stopped) return;
    for (const update of updates) {
      try {
        await this.o.pipeline.ingest(this.o.inbox, update.events);
      } catch (err) {
        // An update we cannot understand is skipped (Telegram would resend it forever otherwise);
        // anything else stops here and the same updates are read again.
        if (!(err instanceof ChannelInputError)) throw err;
        this.o.logger.warn(`Telegram update ${update.updateId} skipped: ${err.message}`);
      }
    }
    const last = updates[updates.length - 1]!;
    await this.o.cursors.set(this.o.inbox.accountId, this.inboxId, last.updateId + 1);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
