import type { PendingEvent } from '../../core/events/pending-event';

/**
 * Appended with every change of who may work which inbox: it names no conversation, so every
 * operator's stream carries it, and their clients reload what they show under the new access.
 */
export const ACCESS_CHANGED: PendingEvent = {
  type: 'access.changed',
  conversationId: null,
  payload: {},
};
