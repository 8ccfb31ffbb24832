import type { ConversationStatus } from './enums';

/**
 * Timeline activities are stored as structured data, not prose, so every client renders them in the
 * operator's own language and timezone ("Anna snoozed until Mon 09:00").
 */
export type Activity =
  | {
      type: 'status_changed';
      from: ConversationStatus;
      to: ConversationStatus;
      by: ActorRef;
      snoozedUntil?: string;
    }
  | { type: 'snooze_expired' }
  | { type: 'unsnoozed_by_customer' }
  | { type: 'reopened_by_customer' }
  | { type: 'assigned'; by: ActorRef | null; assignee: ActorRef | null }
  | { type: 'team_assigned'; by: ActorRef; team: ActorRef | null }
  | { type: 'tag_added' | 'tag_removed'; by: ActorRef; tag: string }
  /** The assignee was deactivated: the conversation went back to the unassigned queue. */
  | { type: 'released_on_deactivation'; operator: ActorRef; by: ActorRef }
  /** The channel says the customer can (no longer) be reached: blocked or unblocked the bot. */
  | { type: 'customer_unreachable' | 'customer_reachable'; reason: string };

export interface ActorRef {
  id: string;
  name: string;
}
