import type { RuleActionResult } from './automation';
import type { ConversationStatus } from './enums';
import type { ConversationPriority } from './priority';
import type { SlaTarget } from './sla';

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
  | { type: 'customer_unreachable' | 'customer_reachable'; reason: string }
  /** This conversation's contact `from` was merged into `into` (one card), or that was undone. */
  | {
      type: 'contact_merged' | 'contact_unmerged';
      by: ActorRef;
      from: ContactRef;
      into: ContactRef;
    }
  /** A task linked to this conversation was created (or linked to it later), done, reopened, unlinked. */
  | { type: 'task_created'; by: ActorRef; task: TaskRef; assignee: ActorRef; dueAt: string }
  | {
      type: 'task_linked' | 'task_unlinked' | 'task_done' | 'task_reopened';
      by: ActorRef;
      task: TaskRef;
    }
  /** A linked task fell due (written by the reminder, once). */
  | { type: 'task_due'; task: TaskRef; assignee: ActorRef }
  /** Merge: `source` was merged into this conversation (on the survivor) ... */
  | { type: 'conversation_merged'; by: ActorRef; source: ConversationRef; movedCount: number }
  /** ... and this one was merged into `target` (on the merged, now closed one). */
  | { type: 'merged_into'; by: ActorRef; target: ConversationRef; movedCount: number }
  /** Split: this conversation was opened with messages moved out of `source` ... */
  | { type: 'split_from'; by: ActorRef; source: ConversationRef; movedCount: number }
  /** ... and messages of this one moved out into `target`. */
  | { type: 'split_into'; by: ActorRef; target: ConversationRef; movedCount: number }
  /** An automation rule ran on this conversation and changed something (what each action did). */
  | { type: 'rule_applied'; rule: { id: string; name: string }; actions: RuleActionResult[] }
  /** An automation rule failed here; its changes were rolled back, the pipeline went on. */
  | { type: 'rule_failed'; rule: { id: string; name: string }; reason: string }
  /** Someone (or a rule) changed how urgent the conversation is. */
  | { type: 'priority_changed'; by: ActorRef; from: ConversationPriority; to: ConversationPriority }
  /** An SLA target's due time passed before it was met. */
  | { type: 'sla_breached'; target: SlaTarget }
  /** Someone corrected an operator's tracked time on this conversation, saying why. */
  | { type: 'time_adjusted'; by: ActorRef; operator: ActorRef; seconds: number; reason: string }
  /** The customer answered the satisfaction survey ("Customer rated 4/5 · 'comment'"). */
  | { type: 'csat_answered'; scale: 'csat' | 'nps'; rating: number; comment: string | null };

/** A task as a timeline activity names it: its title as it was then. */
export interface TaskRef {
  id: string;
  title: string;
}

/** A conversation an activity links to: `#number`, opened by id. */
export interface ConversationRef {
  id: string;
  number: number;
}

export interface ActorRef {
  id: string;
  name: string;
  /** Absent for operators; `rule` when an automation rule did it (`name` is the rule's name). */
  kind?: 'rule';
}

/** A contact as an activity names it (its name at the time). */
export interface ContactRef {
  id: string;
  name: string | null;
}
