import type { RuleAction, RuleEventTrigger, RuleTrigger } from '@switchboard/contracts';

/** The event triggers an action can fire (set_priority, notes, notices and webhooks fire none). */
export function triggersFiredBy(action: RuleAction): RuleEventTrigger[] {
  switch (action.type) {
    case 'add_tags':
      return ['tag_added'];
    case 'assign_operator':
    case 'assign_team':
    case 'assign_round_robin':
      return ['assigned'];
    case 'close':
    case 'snooze':
      return ['status_changed'];
    case 'send_canned_reply':
      return ['reply_sent'];
    case 'unassign':
    case 'remove_tags':
    case 'set_priority':
    case 'add_note':
    case 'notify':
    case 'call_webhook':
      return [];
  }
}

export interface GraphRule {
  id: string;
  name: string;
  trigger: RuleTrigger;
  actions: RuleAction[];
}

/**
 * A cycle through `start` in "A's actions can fire B's trigger" over the given (enabled) rules,
 * as the rules in order (the shortest), or null. A rule's edge to itself is no loop: the engine never lets a
 * rule's own events trigger it again.
 */
export function cycleThrough(start: GraphRule, rules: readonly GraphRule[]): GraphRule[] | null {
  const all = [start, ...rules.filter((r) => r.id !== start.id)];
  const next = (from: GraphRule) => {
    const fired = new Set(from.actions.flatMap(triggersFiredBy));
    return all.filter(
      (to) => to.id !== from.id && to.trigger.kind === 'event' && fired.has(to.trigger.event),
    );
  };
  // Breadth-first from start: the shortest way back names the fewest rules.
  const parent = new Map<string, GraphRule>();
  const queue: GraphRule[] = [start];
  const seen = new Set<string>([start.id]);
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const to of next(from)) {
      if (to.id === start.id) {
        const path: GraphRule[] = [];
        for (let at: GraphRule | undefined = from; at; at = parent.get(at.id)) path.unshift(at);
        return path;
      }
      if (seen.has(to.id)) continue;
      seen.add(to.id);
      parent.set(to.id, from);
      queue.push(to);
    }
  }
  return null;
}
