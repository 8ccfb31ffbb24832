import type { ConversationSummaryDto, StreamEvent, StreamEventType } from '@switchboard/contracts';

/*
 * The pure half of the reports consumer: what an event means for the figures, and how a
 * conversation's remembered state moves. No database here, so the semantics are unit-tested.
 */

export type ReportHappening =
  | { kind: 'created' }
  | { kind: 'customer_message' }
  | { kind: 'operator_reply'; operatorId: string | null }
  | { kind: 'closed' }
  | { kind: 'reopened' }
  | { kind: 'merged'; targetId: string }
  | { kind: 'sla_breached' }
  /** An SLA target completed on time (the SLA consumer's outcome); counted on its completion day. */
  | { kind: 'sla_met'; completedAt: Date; operatorId: string | null }
  | { kind: 'survey'; scale: 'csat' | 'nps'; rating: number }
  /** Anything else about the conversation: only its owner and place (the backlog's spans). */
  | { kind: 'touched' };

/** The owner and place of a conversation at the event (its figures' dimensions). */
export interface ReportDims {
  inboxId: string;
  channel: string;
  teamId: string | null;
  operatorId: string | null;
}

export interface ReportInput {
  conversationId: string;
  at: Date;
  what: ReportHappening;
  dims: ReportDims;
  /** The conversation's tag ids at the event; null from an event stored before summaries had tags. */
  tags: string[] | null;
}

export const dimsOf = (c: ConversationSummaryDto): ReportDims => ({
  inboxId: c.inboxId,
  channel: c.channel,
  teamId: c.assigneeTeamId,
  operatorId: c.assigneeId,
});

/** The types reportInputOf reads; any other is null to it (the consumer skips their payloads). */
export const REPORT_EVENT_TYPES: readonly StreamEventType[] = [
  'conversation.created',
  'conversation.sla',
  'csat.answered',
  'message.created',
  'conversation.updated',
];

/** What an event means for the reports, if anything, with the dimensions it carries. */
export function reportInputOf(event: StreamEvent): ReportInput | null {
  const at = new Date(event.at);
  const input = (conversationId: string, c: ConversationSummaryDto, what: ReportHappening) => ({
    conversationId,
    at,
    what,
    dims: dimsOf(c),
    tags: (c.tags as ConversationSummaryDto['tags'] | undefined)?.map((t) => t.id) ?? null,
  });
  switch (event.type) {
    case 'conversation.created':
      return input(event.payload.conversation.id, event.payload.conversation, { kind: 'created' });
    case 'conversation.sla': {
      const p = event.payload;
      if (p.state === 'breached')
        return input(p.conversation.id, p.conversation, { kind: 'sla_breached' });
      if (p.state !== 'met') return null;
      return input(p.conversation.id, p.conversation, {
        kind: 'sla_met',
        completedAt: p.completedAt ? new Date(p.completedAt) : at,
        operatorId: p.repliedBy ?? null,
      });
    }
    case 'csat.answered': {
      const p = event.payload;
      return input(p.conversationId, p.conversation, {
        kind: 'survey',
        scale: p.scale,
        rating: p.rating,
      });
    }
    case 'message.created': {
      const what = messageHappening(event.payload.message) ?? { kind: 'touched' };
      return input(event.payload.conversation.id, event.payload.conversation, what);
    }
    case 'conversation.updated':
      return input(event.payload.conversation.id, event.payload.conversation, { kind: 'touched' });
    default:
      return null;
  }
}

type MessagePayload = Extract<StreamEvent, { type: 'message.created' }>['payload']['message'];

function messageHappening(m: MessagePayload): ReportHappening | null {
  if (m.kind === 'activity' && m.activity) {
    const a = m.activity;
    switch (a.type) {
      case 'status_changed':
        if (a.to === 'closed') return a.from === 'closed' ? null : { kind: 'closed' };
        return a.from === 'closed' ? { kind: 'reopened' } : null;
      case 'reopened_by_customer':
        return { kind: 'reopened' };
      case 'merged_into':
        return { kind: 'merged', targetId: a.target.id };
      default:
        return null;
    }
  }
  if (m.kind !== 'message') return null;
  if (m.direction === 'incoming') return { kind: 'customer_message' };
  // Only a person's reply answers the customer; automatic mail, rules' replies and notes do not.
  if (m.sender.type === 'operator') return { kind: 'operator_reply', operatorId: m.sender.id };
  return null;
}

/** What the consumer remembers of a conversation (see ReportConversationStateEntity). */
export interface FoldState {
  cycleOpen: boolean;
  cycleSeq: number;
  awaitingSince: Date | null;
  replied: boolean;
}

export const EMPTY_STATE: FoldState = {
  cycleOpen: false,
  cycleSeq: 0,
  awaitingSince: null,
  replied: false,
};

/** Daily counters an event adds to (report_daily columns). */
export type ReportCounter =
  'newCount' | 'closedCount' | 'reopenedCount' | 'replies' | 'slaMet' | 'slaBreached';

export type FoldEffect =
  | { type: 'count'; counter: ReportCounter }
  | { type: 'open_cycle'; seq: number }
  | { type: 'close_cycle'; merged: boolean }
  | { type: 'response'; kind: 'first' | 'next'; askedAt: Date; operatorId: string | null }
  | { type: 'survey'; scale: 'csat' | 'nps'; rating: number };

/**
 * One event applied to a conversation's state. Semantics: every reopen starts a new resolution
 * cycle and counts as `reopened`; a merge ends the source's cycle without counting it closed (it
 * was not handled: its messages now count in the survivor); the first customer message before any
 * reply of ours opens a "first" response, later ones after a reply a "next" one, and the wait runs
 * from the first unanswered customer message.
 */
export function fold(state: FoldState, what: ReportHappening, at: Date) {
  const effects: FoldEffect[] = [];
  const next = { ...state };
  switch (what.kind) {
    case 'created':
      effects.push({ type: 'count', counter: 'newCount' });
      if (!next.cycleOpen) {
        next.cycleOpen = true;
        next.cycleSeq += 1;
        effects.push({ type: 'open_cycle', seq: next.cycleSeq });
      }
      break;
    case 'reopened':
      effects.push({ type: 'count', counter: 'reopenedCount' });
      if (!next.cycleOpen) {
        next.cycleOpen = true;
        next.cycleSeq += 1;
        effects.push({ type: 'open_cycle', seq: next.cycleSeq });
      }
      break;
    case 'closed':
      effects.push({ type: 'count', counter: 'closedCount' });
      if (next.cycleOpen) {
        effects.push({ type: 'close_cycle', merged: false });
      }
      next.cycleOpen = false;
      break;
    case 'merged':
      if (next.cycleOpen) effects.push({ type: 'close_cycle', merged: true });
      next.cycleOpen = false;
      next.awaitingSince = null;
      break;
    case 'customer_message':
      next.awaitingSince ??= at;
      break;
    case 'operator_reply':
      effects.push({ type: 'count', counter: 'replies' });
      if (next.awaitingSince) {
        const kind = next.replied ? 'next' : 'first';
        effects.push({
          type: 'response',
          kind,
          askedAt: next.awaitingSince,
          operatorId: what.operatorId,
        });
      }
      next.awaitingSince = null;
      next.replied = true;
      break;
    case 'sla_breached':
      effects.push({ type: 'count', counter: 'slaBreached' });
      break;
    case 'sla_met':
      effects.push({ type: 'count', counter: 'slaMet' });
      break;
    case 'survey':
      effects.push({ type: 'survey', scale: what.scale, rating: what.rating });
      break;
    case 'touched':
      break;
  }
  return { state: next, effects };
}

/** The survivor of a merge inherits the source's unanswered wait, if it is the earlier one. */
export function mergeWait(target: FoldState, source: FoldState): FoldState {
  const a = target.awaitingSince;
  const b = source.awaitingSince;
  return { ...target, awaitingSince: a && b ? (a < b ? a : b) : (a ?? b) };
}
