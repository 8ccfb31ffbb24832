import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../i18n/i18n';
import { activityText } from '../../conversation/utils/activity-text';
import { triggerLabel } from './rule-result-text';

afterEach(() => setLocale('en'));

const rule = { id: 'r1', name: 'VIP' };

describe('rule activities in the timeline', () => {
  it('says what a rule did: "Rule \'VIP\' assigned to Payments, tagged refund"', () => {
    expect(
      activityText({
        type: 'rule_applied',
        rule,
        actions: [
          { type: 'assign_team', status: 'done', detail: 'Payments' },
          { type: 'add_tags', status: 'done', detail: 'refund' },
          { type: 'set_priority', status: 'unchanged', detail: 'high' },
          { type: 'assign_operator', status: 'failed', detail: null, reason: 'no access' },
        ],
      }),
    ).toBe("Rule 'VIP' assigned to Payments, tagged refund");
    expect(
      activityText({
        type: 'rule_applied',
        rule,
        actions: [{ type: 'close', status: 'unchanged', detail: null }],
      }),
    ).toBe("Rule 'VIP' ran; nothing needed changing");
    expect(activityText({ type: 'rule_failed', rule, reason: 'The team was deleted' })).toBe(
      "Rule 'VIP' failed: The team was deleted",
    );
  });

  it('names a rule instead of an operator in any activity it caused', () => {
    const by = { id: 'r1', name: 'VIP', kind: 'rule' as const };
    expect(activityText({ type: 'tag_added', by, tag: 'refund' })).toBe(
      "Rule 'VIP' tagged the conversation #refund",
    );
    expect(activityText({ type: 'team_assigned', by, team: { id: 't', name: 'Payments' } })).toBe(
      "Rule 'VIP' assigned the conversation to the team Payments",
    );
    expect(activityText({ type: 'tag_added', by: { id: 'a', name: 'Anna' }, tag: 'x' })).toBe(
      'Anna tagged the conversation #x',
    );
  });

  it('names log triggers in words, and unknown ones as the server sent them', () => {
    expect(triggerLabel('message_received')).toBe('A customer message arrives');
    expect(triggerLabel('no_operator_reply')).toBe('No operator reply');
    expect(triggerLabel('something_new')).toBe('something_new');
  });
});
