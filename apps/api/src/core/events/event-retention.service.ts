import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EventLogService } from './event-log.service';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps the event log to EVENT_RETENTION_DAYS. Clients whose cursor falls behind that get
 * `stream.reset` and reload over REST. Idempotent, so every instance may run it.
 */
@Injectable()
export class EventRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRetentionService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  async prune(): Promise<number> {
    try {
      const removed = await this.log.prune(this.config.EVENT_RETENTION_DAYS);
      if (removed > 0)
        this.logger.log(
          `Pruned ${removed} events older than ${this.config.EVENT_RETENTION_DAYS} days`,
        );
      return removed;
    } catch (err) {
      this.logger.warn(`Event pruning failed: ${(err as Error).message}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
