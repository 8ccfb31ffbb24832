import type { MessageDto } from '@switchboard/contracts';

/** A rule run's own activities land within this long of its summary (one transaction). */
const SAME_RUN_MS = 2_000;

/**
 * The timeline without the single steps of a rule run that its summary already says ("Rule 'VIP'
 * tagged refund, assigned to Payments"): a tag or assignment activity by a rule, with that rule's
 * `rule_applied` a moment later. A step with no summary beside it (a queued conversation the rule
 * routed, assigned later when someone had room) stays.
 */
export function withoutSummarisedRuleSteps(messages: MessageDto[]): MessageDto[] {
  const summaries = new Map<string, number[]>();
  for (const m of messages) {
    if (m.activity?.type === 'rule_applied') {
      const at = Date.parse(m.createdAt);
      summaries.set(m.activity.rule.id, [...(summaries.get(m.activity.rule.id) ?? []), at]);
    }
  }
  if (summaries.size === 0) return messages;
  return messages.filter((m) => {
    const a = m.activity;
    if (m.kind !== 'activity' || !a || !('by' in a) || a.by?.kind !== 'rule') return true;
    const at = Date.parse(m.createdAt);
    return !(summaries.get(a.by.id) ?? []).some((s) => s >= at && s - at <= SAME_RUN_MS);
  });
}
