import { z } from 'zod';
import type { IsoDateTime } from './dtos';
import { safeText } from './safe-text';

/**
 * The public event vocabulary of outgoing webhooks. Stable names for integrators, derived from the
 * stream's events (see docs/webhooks.md for the mapping and each `data` shape).
 */
export const WEBHOOK_EVENT_TYPES = [
  'message.created',
  'conversation.created',
  'conversation.status_changed',
  'conversation.assigned',
  'conversation.tag_added',
  'conversation.sla_warning',
  'conversation.sla_breached',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a rule's `call_webhook` action posts, as the body's `type`. */
export const RULE_WEBHOOK_EVENT_TYPE = 'rule.webhook';

/** `sending`: an attempt is in flight now; `pending`: waiting for its (next) attempt. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Signature headers of every outgoing webhook request. */
export const WEBHOOK_HEADERS = {
  id: 'Switchboard-Webhook-Id',
  timestamp: 'Switchboard-Webhook-Timestamp',
  signature: 'Switchboard-Signature',
} as const;

export interface WebhookSubscriptionDto {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** Internal notes are posted as `message.created` only when this is on. */
  includeNotes: boolean;
  /** Why the server turned it off (the endpoint answered 410 Gone); null otherwise. */
  disabledReason: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** The signing secret is shown once: in the answer to create and to rotate. */
export interface WebhookSecretDto {
  secret: string;
}

export type CreatedWebhookSubscriptionDto = WebhookSubscriptionDto & WebhookSecretDto;

export interface WebhookDeliveryDto {
  /** Also the `id` of the posted body and `Switchboard-Webhook-Id`: the same on every attempt. */
  id: string;
  subscriptionId: string | null;
  /** Set for a rule's `call_webhook` action, which has no subscription. */
  rule: { id: string; name: string } | null;
  url: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: IsoDateTime | null;
  lastDurationMs: number | null;
  nextAttemptAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

const webhookUrl = safeText().trim().url('Not a URL').max(2_000);
const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, 'Choose at least one event')
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .transform((types) => [...new Set(types)]);
const description = safeText().trim().max(500);

export const createWebhookSubscriptionRequestSchema = z
  .object({
    url: webhookUrl,
    description: description.default(''),
    eventTypes,
    enabled: z.boolean().default(true),
    includeNotes: z.boolean().default(false),
  })
  .strict();
export type CreateWebhookSubscriptionRequest = z.infer<
  typeof createWebhookSubscriptionRequestSchema
>;

export const updateWebhookSubscriptionRequestSchema = z
  .object({
    url: webhookUrl,
    description,
    eventTypes,
    enabled: z.boolean(),
    includeNotes: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateWebhookSubscriptionRequest = z.infer<
  typeof updateWebhookSubscriptionRequestSchema
>;

export const listWebhookDeliveriesQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuerySchema>;
