import type { WebhookDeliveryDto, WebhookSubscriptionDto } from '@switchboard/contracts';
import type { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import type { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';

/** Never the secret: it is shown once, by the calls that make one. */
export function toWebhookSubscriptionDto(s: WebhookSubscriptionEntity): WebhookSubscriptionDto {
  return {
    id: s.id,
    url: s.url,
    description: s.description,
    eventTypes: s.eventTypes,
    enabled: s.enabled,
    includeNotes: s.includeNotes,
    disabledReason: s.disabledReason,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryDto(d: WebhookDeliveryEntity): WebhookDeliveryDto {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    rule: d.ruleId ? { id: d.ruleId, name: d.ruleName ?? '' } : null,
    url: d.url,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    lastDurationMs: d.lastDurationMs,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
