import { Module } from '@nestjs/common';
import { OutgoingWebhooksService } from './outgoing-webhooks.service';
import { RuleWebhookSecretsRepository } from './rule-webhook-secrets.repository';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookEventConsumer } from './webhook-event-consumer';
import { WebhookRetentionService } from './webhook-retention.service';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/**
 * Outgoing webhooks: subscriptions to the public event vocabulary, deliveries made from the
 * stream by a durable consumer, signed posts with retries, the delivery log, and the rules
 * engine's `call_webhook` (OutgoingWebhooksService.enqueueRuleCall / checkUrl).
 */
@Module({
  controllers: [WebhookSubscriptionsController, WebhookDeliveriesController],
  providers: [
    WebhookSubscriptionsRepository,
    WebhookDeliveriesRepository,
    RuleWebhookSecretsRepository,
    WebhookSubscriptionsService,
    OutgoingWebhooksService,
    WebhookEventConsumer,
    WebhookDeliveryWorker,
    WebhookRetentionService,
  ],
  exports: [OutgoingWebhooksService],
})
export class OutgoingWebhooksModule {}
