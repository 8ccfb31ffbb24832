import type { ChannelKind, ConversationPriority, ConversationStatus } from '@switchboard/contracts';

/** What a rule's conditions and actions see of a conversation: its current state, loaded under its lock. */
export interface RuleConversation {
  id: string;
  accountId: string;
  number: number;
  inboxId: string;
  channel: ChannelKind;
  status: ConversationStatus;
  priority: ConversationPriority;
  assigneeId: string | null;
  teamId: string | null;
  /** Tag keys (`tagKey()`), for comparing with the condition's words. */
  tagKeys: string[];
  contactName: string | null;
  contactAttributes: Record<string, string | number | boolean>;
  language: string | null;
  /** Inside the inbox's business hours now (an inbox without hours is always inside). */
  insideBusinessHours: boolean;
  mergedIntoId: string | null;
}

/** The message a message trigger fired for (or, for a dry run, the newest customer message). */
export interface RuleMessage {
  id: string;
  text: string | null;
  automated: boolean;
  direction: 'incoming' | 'outgoing';
}

export interface RuleContext {
  conversation: RuleConversation;
  message: RuleMessage | null;
  /** What fired the rule: an event trigger's or a time trigger's name. */
  trigger: string;
  /** The survey rating, when `csat_received` fired the rule. */
  csatRating?: number | null;
}
