import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DurableEventConsumersService,
  type ConsumedEvent,
  type DurableEventHandler,
} from '../../core/events/durable-event-consumers.service';
import { OutgoingWebhooksService } from './outgoing-webhooks.service';
import type { NewWebhookDelivery } from './webhook-deliveries.repository';
import { publicEventsOf } from './webhook-events';
import { WebhookSubscriptionsRepository } from './webhook-subscriptions.repository';

/**
 * Turns each committed stream event into one delivery per matching enabled subscription. It runs
 * in the durable consumer's transaction, which also moves its cursor, so with any number of
 * instances every event is recorded once (and the unique (subscription, event) key would refuse a
 * second). Each delivery's first job is enqueued in the same transaction.
 */
@Injectable()
export class WebhookEventConsumer implements DurableEventHandler, OnModuleInit {
  readonly consumer = 'outgoing-webhooks';
  /** Integrators receive the message as the API shows it, HTML included. */
  readonly readsMessageHtml = true;

  constructor(
    private readonly consumers: DurableEventConsumersService,
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly webhooks: OutgoingWebhooksService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  /** Without a subscription there is nothing to deliver: events are passed over unread. */
  async isIdle(em: EntityManager, accountId: string): Promise<boolean> {
    return !(await this.subscriptions.hasEnabled(em, accountId));
  }

  async handle(em: EntityManager, accountId: string, events: ConsumedEvent[]): Promise<void> {
    const subs = await this.subscriptions.listEnabled(em, accountId);
    if (subs.length === 0) return;
    const rows: NewWebhookDelivery[] = [];
    for (const { event } of events) {
      for (const pub of publicEventsOf(event)) {
        for (const sub of subs) {
          if (!sub.eventTypes.includes(pub.type) || (pub.note && !sub.includeNotes)) continue;
          const id = randomUUID();
          rows.push({
            id,
            accountId,
            subscriptionId: sub.id,
            ruleId: null,
            ruleName: null,
            url: sub.url,
            eventType: pub.type,
            eventCursor: String(event.cursor),
            body: { id, type: pub.type, createdAt: event.at, accountId, data: pub.data },
          });
        }
      }
    }
    await this.webhooks.enqueue(em, rows);
  }
}
