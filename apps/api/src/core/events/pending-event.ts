import type { StreamEventPayloads, StreamEventType } from '@switchboard/contracts';

/** An event recorded inside a transaction; it gets its cursor when appended. */
export type PendingEvent = {
  [T in StreamEventType]: {
    type: T;
    conversationId: string | null;
    payload: StreamEventPayloads[T];
    /** Set while acting for an automation rule: that rule is never triggered by this event. */
    originRuleId?: string;
  };
}[StreamEventType];
