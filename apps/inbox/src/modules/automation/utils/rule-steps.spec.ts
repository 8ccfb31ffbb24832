import type { Activity, MessageDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { withoutSummarisedRuleSteps } from './rule-steps';

const rule = { id: 'r1', name: 'VIP', kind: 'rule' as const };
let n = 0;
const activity = (a: Activity, at: string): MessageDto => ({
  id: `m${++n}`,
  conversationId: 'c',
  direction: 'outgoing',
  kind: 'activity',
  sender: { type: 'system', id: null, name: null },
  text: null,
  html: null,
  attachments: [],
  activity: a,
  deliveryStatus: null,
  failureReason: null,
  channel: 'webchat',
  createdAt: at,
});

describe('withoutSummarisedRuleSteps', () => {
  it("hides a rule run's steps that its summary lists, and keeps everything else", () => {
    const tag = activity(
      { type: 'tag_added', by: rule, tag: 'refund' },
      '2026-11-30T10:00:00.100Z',
    );
    const summary = activity(
      {
        type: 'rule_applied',
        rule: { id: 'r1', name: 'VIP' },
        actions: [{ type: 'add_tags', status: 'done', detail: 'refund' }],
      },
      '2026-11-30T10:00:00.120Z',
    );
    const byOperator = activity(
      { type: 'tag_added', by: { id: 'o1', name: 'Anna' }, tag: 'vip' },
      '2026-11-30T10:00:00.110Z',
    );
    // Routed from the queue an hour later: no summary beside it, so it stays.
    const later = activity(
      { type: 'assigned', by: rule, assignee: { id: 'o2', name: 'Rae' } },
      '2026-11-30T11:00:00.000Z',
    );
    expect(withoutSummarisedRuleSteps([tag, byOperator, summary, later])).toEqual([
      byOperator,
      summary,
      later,
    ]);
  });
});
