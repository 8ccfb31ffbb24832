import type { RuleEventTrigger, StreamEvent, StreamEventType } from '@switchboard/contracts';

export interface EventFiring {
  conversationId: string;
  trigger: RuleEventTrigger;
  messageId: string | null;
  /** The triggering message's text as committed, so rules can be ruled out before any read. */
  messageText?: string | null;
  /** The rating of a `csat_received` firing. */
  csatRating?: number;
}

/** The types triggersOf reads; any other fires nothing (the consumer skips their payloads). */
export const TRIGGER_EVENT_TYPES: readonly StreamEventType[] = [
  'conversation.created',
  'message.created',
  'csat.answered',
  'conversation.sla',
];

/**
 * Which rule triggers a stream event fires. Status changes, assignments and tags are read from
 * the timeline activity each of them writes (one `message.created` per change, whoever made it,
 * including the customer reopening a conversation), which is more reliable than comparing summaries.
 */
export function triggersOf(event: StreamEvent, originRuleId: string | null): EventFiring[] {
  const conversationId = event.conversationId;
  if (!conversationId) return [];
  switch (event.type) {
    case 'conversation.created':
      return [{ conversationId, trigger: 'conversation_created', messageId: null }];
    case 'message.created': {
      const m = event.payload.message;
      if (m.kind === 'message') {
        if (m.direction === 'incoming')
          return [
            { conversationId, trigger: 'message_received', messageId: m.id, messageText: m.text },
          ];
        // An operator's answer, or a rule's auto-reply (system mail the server sends itself is neither).
        if (m.sender.type === 'operator' || originRuleId !== null)
          return [{ conversationId, trigger: 'reply_sent', messageId: m.id, messageText: m.text }];
        return [];
      }
      const activity = m.kind === 'activity' ? m.activity : null;
      if (!activity) return [];
      const fire = (trigger: RuleEventTrigger): EventFiring[] => [
        { conversationId, trigger, messageId: null },
      ];
      switch (activity.type) {
        case 'status_changed':
        case 'reopened_by_customer':
        case 'unsnoozed_by_customer':
        case 'snooze_expired':
          return fire('status_changed');
        case 'assigned':
          return activity.assignee ? fire('assigned') : [];
        case 'team_assigned':
          return activity.team ? fire('assigned') : [];
        case 'tag_added':
          return fire('tag_added');
        default:
          return [];
      }
    }
    case 'csat.answered':
      return [
        {
          conversationId,
          trigger: 'csat_received',
          messageId: null,
          csatRating: event.payload.rating,
        },
      ];
    default:
      return slaTriggers(event, conversationId);
  }
}

/** `conversation.sla` (from the SLA module): a target reached its warning point or was breached. */
function slaTriggers(event: StreamEvent, conversationId: string): EventFiring[] {
  const { type, payload } = event as { type: string; payload: unknown };
  if (type !== 'conversation.sla') return [];
  const state = (payload as { state?: unknown } | null)?.state;
  if (state === 'warning') return [{ conversationId, trigger: 'sla_warning', messageId: null }];
  if (state === 'breached') return [{ conversationId, trigger: 'sla_breached', messageId: null }];
  return [];
}
