/** The three states of the empty feed. Every conversation is in exactly one. */
export const CONVERSATION_STATUSES = ['open', 'snoozed', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Channel kinds an inbox can be connected to. */
export const CHANNEL_KINDS = ['api', 'webchat', 'email', 'telegram', 'whatsapp'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const MESSAGE_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** message: seen by the customer; note: internal, never leaves Switchboard; activity: system timeline entry. */
export const MESSAGE_KINDS = ['message', 'note', 'activity'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * Delivery status only moves forward along this order (failed is reachable from pending and sent;
 * a manual retry is the one way back, from failed to pending). `uncertain`: an attempt ended without
 * telling whether the channel took the message (a timeout after the whole message was handed over,
 * a crash mid-send). It is never sent again by itself; a receipt settles it, or an operator sends it
 * again on purpose (the one way back, from uncertain to pending).
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sent',
  'delivered',
  'read',
  'failed',
  'uncertain',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const OPERATOR_ROLES = ['admin', 'agent'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const PRESENCE_STATUSES = ['online', 'away'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** What happens when a customer writes to a closed conversation. */
export const REOPEN_POLICIES = ['reopen', 'new_conversation'] as const;
export type ReopenPolicy = (typeof REOPEN_POLICIES)[number];

/** `team`: assigned to a team the operator belongs to. */
export const ASSIGNEE_FILTERS = ['all', 'mine', 'team', 'unassigned'] as const;
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];
