/** A conversation's urgency, lowest first; set by hand or by automation rules, sortable in the feed. */
export const CONVERSATION_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type ConversationPriority = (typeof CONVERSATION_PRIORITIES)[number];

/** Sort rank: a higher number is more urgent. */
export function priorityRank(priority: ConversationPriority): number {
  return CONVERSATION_PRIORITIES.indexOf(priority);
}
