import type {
  CreatedWebhookSubscriptionDto,
  CreateWebhookSubscriptionRequest,
  Page,
  UpdateWebhookSubscriptionRequest,
  WebhookDeliveryDto,
  WebhookSecretDto,
  WebhookSubscriptionDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

/** Outgoing webhooks (admins): subscriptions, their delivery logs, and the rule-call secret. */
export const webhooksApi = {
  list: () => apiRequest<WebhookSubscriptionDto[]>('GET', '/api/webhook-subscriptions'),
  create: (body: Partial<CreateWebhookSubscriptionRequest>) =>
    apiRequest<CreatedWebhookSubscriptionDto>('POST', '/api/webhook-subscriptions', { body }),
  update: (id: string, body: UpdateWebhookSubscriptionRequest) =>
    apiRequest<WebhookSubscriptionDto>('PATCH', `/api/webhook-subscriptions/${id}`, { body }),
  remove: (id: string) => apiRequest<void>('DELETE', `/api/webhook-subscriptions/${id}`),
  rotateSecret: (id: string) =>
    apiRequest<WebhookSecretDto>('POST', `/api/webhook-subscriptions/${id}/rotate-secret`),
  deliveries: (id: string, cursor?: string) =>
    apiRequest<Page<WebhookDeliveryDto>>('GET', `/api/webhook-subscriptions/${id}/deliveries`, {
      query: { cursor },
    }),
  ruleDeliveries: (cursor?: string) =>
    apiRequest<Page<WebhookDeliveryDto>>('GET', '/api/rule-webhooks/deliveries', {
      query: { cursor },
    }),
  resend: (deliveryId: string) =>
    apiRequest<WebhookDeliveryDto>('POST', `/api/webhook-deliveries/${deliveryId}/resend`),
  ruleSecret: () => apiRequest<WebhookSecretDto>('GET', '/api/rule-webhooks/secret'),
  rotateRuleSecret: () => apiRequest<WebhookSecretDto>('POST', '/api/rule-webhooks/rotate-secret'),
};
