import type {
  Activity,
  ConversationStatus,
  ConversationSummaryDto,
  StreamEvent,
  StreamEventPayloads,
  WebhookEventType,
} from '@switchboard/contracts';

/** One public event made from a stream event; `note` ones go only to subscriptions that opt in. */
export interface PublicWebhookEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
  note: boolean;
}

/**
 * Maps one committed stream event to the public vocabulary (docs/webhooks.md). Status changes,
 * assignments and tags are read from the timeline activity the change wrote in the same
 * transaction (`conversation.updated` alone does not say what changed). Activities themselves,
 * and everything else on the stream, are not published.
 */
export function publicEventsOf(event: StreamEvent): PublicWebhookEvent[] {
  if (event.type === 'conversation.created')
    return [one('conversation.created', { conversation: event.payload.conversation })];
  if (event.type === 'conversation.sla') return slaEvent(event.payload);
  if (event.type !== 'message.created') return [];
  const { message, conversation } = event.payload;
  if (message.kind === 'message') return [one('message.created', { message, conversation })];
  if (message.kind === 'note')
    return [{ type: 'message.created', data: { message, conversation }, note: true }];
  return message.activity ? fromActivity(message.activity, conversation) : [];
}

function fromActivity(a: Activity, conversation: ConversationSummaryDto): PublicWebhookEvent[] {
  const status = (from: ConversationStatus, to: ConversationStatus, extra = {}) => [
    one('conversation.status_changed', { conversation, from, to, by: null, ...extra }),
  ];
  switch (a.type) {
    case 'status_changed':
      return status(a.from, a.to, { by: a.by, snoozedUntil: a.snoozedUntil ?? null });
    case 'reopened_by_customer':
      return status('closed', 'open', { reason: 'customer_message' });
    case 'unsnoozed_by_customer':
      return status('snoozed', 'open', { reason: 'customer_message' });
    case 'snooze_expired':
      return status('snoozed', 'open', { reason: 'snooze_expired' });
    case 'assigned':
      return [one('conversation.assigned', { conversation, assignee: a.assignee, by: a.by })];
    case 'team_assigned':
      return [one('conversation.assigned', { conversation, team: a.team, by: a.by })];
    case 'tag_added':
      return [one('conversation.tag_added', { conversation, tag: a.tag, by: a.by })];
    default:
      return [];
  }
}

function slaEvent(p: StreamEventPayloads['conversation.sla']): PublicWebhookEvent[] {
  // A met target is a figure for the reports, not news for integrators.
  if (p.state === 'met') return [];
  const type = p.state === 'breached' ? 'conversation.sla_breached' : 'conversation.sla_warning';
  return [
    one(type, { conversation: p.conversation, target: p.target, state: p.state, dueAt: p.dueAt }),
  ];
}

function one(type: WebhookEventType, data: Record<string, unknown>): PublicWebhookEvent {
  return { type, data, note: false };
}
