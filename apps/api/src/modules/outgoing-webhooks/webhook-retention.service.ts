import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DueWorkPoller } from '../../core/scheduling/due-work-poller';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';

/** Deliveries are kept 30 days, then pruned (finished ones only), a batch at a time. */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;
const BATCH = 1_000;
const HOURLY = 3_600_000;

/** Deleting is idempotent, so every instance may prune; batches keep each statement short. */
@Injectable()
export class WebhookRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller = new DueWorkPoller(
    'Webhook delivery pruning',
    HOURLY,
    async () =>
      (await this.deliveries.pruneOlderThan(WEBHOOK_DELIVERY_RETENTION_DAYS, BATCH)) === BATCH,
    new Logger(WebhookRetentionService.name),
  );

  constructor(private readonly deliveries: WebhookDeliveriesRepository) {}

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Prunes everything due now (tests). */
  async drain(): Promise<void> {
    await this.poller.drain();
  }
}
