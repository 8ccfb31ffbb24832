import type { RuleAction, RuleEventTrigger } from '@switchboard/contracts';
import { cycleThrough, type GraphRule } from './rule-graph';

const rule = (id: string, event: RuleEventTrigger, ...actions: RuleAction[]): GraphRule => ({
  id,
  name: id.toUpperCase(),
  trigger: { kind: 'event', event },
  actions,
});
const tag: RuleAction = { type: 'add_tags', tags: ['x'] };
const close: RuleAction = { type: 'close' };
const assignTeam: RuleAction = {
  type: 'assign_team',
  teamId: '00000000-0000-4000-8000-000000000001',
};

describe('cycleThrough', () => {
  it('finds a loop through the saved rule and names it in order', () => {
    const a = rule('a', 'tag_added', close);
    const b = rule('b', 'status_changed', assignTeam);
    const c = rule('c', 'assigned', tag);
    expect(cycleThrough(a, [b, c])?.map((r) => r.name)).toEqual(['A', 'B', 'C']);
    // Without c's edge back there is none; a chain is fine.
    expect(cycleThrough(a, [b])).toBeNull();
  });

  it('ignores a rule re-triggering itself, time rules and actions that fire nothing', () => {
    const self = rule('s', 'tag_added', tag);
    expect(cycleThrough(self, [])).toBeNull();
    const prio = rule('p', 'status_changed', { type: 'set_priority', priority: 'high' });
    const timed: GraphRule = {
      id: 't',
      name: 'T',
      trigger: { kind: 'time', after: 'no_operator_reply', minutes: 5 },
      actions: [close],
    };
    expect(cycleThrough(prio, [timed, rule('q', 'status_changed', close)])).toBeNull();
  });
});
