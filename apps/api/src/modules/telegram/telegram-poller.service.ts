import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { InboxContext } from '@switchboard/channels-core';
import { TelegramChannelAdapter, type TelegramSettings } from '@switchboard/channels-telegram';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { ChannelPollCursorsRepository } from '../channels/channel-poll-cursors.repository';
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { InboxesService, type InboxRow } from '../inboxes/inboxes.service';
import { InboxLifecycleSignals } from '../inboxes/inbox-lifecycle.signals';
import { TelegramPollLoop } from './telegram-poll-loop';

/**
 * Long-polls the bots that have no webhook (no public https URL: a laptop, `npm start`). Every
 * few seconds it looks for such inboxes; for each, one poll loop runs in the whole cluster, on the
 * instance that holds its advisory lock. A changed token restarts the loop; a revoked one stops
 * it until an admin saves a working token; a pause stops it until the bot is resumed (Telegram
 * keeps the updates meanwhile, for up to 24 hours).
 */
@Injectable()
export class TelegramPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TelegramPollerService.name);
  private readonly loops = new Map<string, TelegramPollLoop>();
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapter: TelegramChannelAdapter,
    private readonly inboxes: InboxesService,
    private readonly pipeline: InboundPipelineService,
    private readonly cursors: ChannelPollCursorsRepository,
    private readonly lifecycle: InboxLifecycleSignals,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.QUEUE_ENABLED) return;
    // Paused, resumed or removed anywhere: stop or start its loop now, not at the next rescan.
    this.lifecycle.onChange(() => void this.rescan());
    this.timer = setInterval(() => void this.rescan(), this.config.TELEGRAM_POLL_RESCAN_MS);
    this.timer.unref();
    void this.rescan();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.scanning;
    await Promise.all([...this.loops.values()].map((loop) => loop.stop()));
    this.loops.clear();
  }

  /** Inboxes this instance is polling right now (it holds their locks). */
  get polling(): string[] {
    return [...this.loops.values()].filter((l) => l.isPolling).map((l) => l.inboxId);
  }

  /** Starts and stops loops to match the inboxes that want polling. */
  rescan(): Promise<void> {
    this.scanning ??= this.scan()
      .catch((err: unknown) => this.logger.warn(`Telegram rescan: ${(err as Error).message}`))
      .finally(() => (this.scanning = null));
    return this.scanning;
  }

  private async scan(): Promise<void> {
    const wanted = new Map<string, { inbox: InboxRow; context: InboxContext<unknown, unknown> }>();
    for (const entry of await this.inboxes.activeContexts('telegram')) {
      const settings = entry.context.settings as TelegramSettings;
      if (settings.delivery === 'polling' && !entry.inbox.connectionError && !entry.inbox.pausedAt)
        wanted.set(entry.inbox.id, entry);
    }
    for (const [id, loop] of this.loops) {
      const want = wanted.get(id);
      if (want && loop.serves(want.context) && !loop.isFinished) continue;
      await loop.stop();
      this.loops.delete(id);
    }
    for (const [id, { inbox, context }] of wanted) {
      if (this.loops.has(id)) continue;
      const loop = new TelegramPollLoop({
        inbox,
        context,
        adapter: this.adapter,
        databaseUrl: this.config.DATABASE_URL,
        timeoutSeconds: this.config.TELEGRAM_POLL_TIMEOUT_SECONDS,
        pipeline: this.pipeline,
        cursors: this.cursors,
        onRevoked: (reason) => this.inboxes.setConnectionError(id, reason).then(() => undefined),
        logger: this.logger,
      });
      this.loops.set(id, loop);
      loop.start();
    }
  }
}
