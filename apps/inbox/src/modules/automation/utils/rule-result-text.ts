import {
  RULE_EVENT_TRIGGERS,
  RULE_TIME_TRIGGERS,
  type Activity,
  type RuleActionResult,
  type RuleActionType,
} from '@switchboard/contracts';
import { formatUpcoming } from '../../../i18n/format';
import { currentLocale, t } from '../../../i18n/i18n';

type RuleActivity = Extract<Activity, { type: 'rule_applied' | 'rule_failed' }>;

/** Action types whose phrase reads well without a detail ("removed the assignee"). */
const NO_DETAIL = new Set<RuleActionType>(['unassign', 'add_note', 'close']);

/** A snooze's detail is the instant it ends: shown on the operator's clock. */
function detailText(type: RuleActionType, detail: string): string {
  if (type !== 'snooze') return detail;
  const until = new Date(detail);
  return Number.isNaN(until.getTime()) ? detail : formatUpcoming(until);
}

/** What one action did, as a phrase: "assigned to Payments", "tagged refund". */
export function actionResultPhrase(result: Pick<RuleActionResult, 'type' | 'detail'>): string {
  if (NO_DETAIL.has(result.type)) return t(`automation.result.${result.type}` as const);
  const type = result.type as Exclude<RuleActionType, 'unassign' | 'add_note' | 'close'>;
  return result.detail
    ? t(`automation.result.${type}`, { detail: detailText(result.type, result.detail) })
    : t(`automation.result_plain.${type}`);
}

/** Phrases joined the locale's way ("a, b and c"); never a hand-built sentence. */
export function joinPhrases(phrases: readonly string[]): string {
  try {
    return new Intl.ListFormat(currentLocale(), { style: 'long', type: 'unit' }).format(phrases);
  } catch {
    return phrases.join(', ');
  }
}

/** "Rule 'VIP' assigned to Payments, tagged refund" / "Rule 'VIP' failed: …". */
export function ruleActivityText(activity: RuleActivity): string {
  const rule = activity.rule.name;
  if (activity.type === 'rule_failed')
    return t('activity.rule_failed', { rule, reason: activity.reason });
  const done = activity.actions.filter((a) => a.status === 'done').map(actionResultPhrase);
  return done.length
    ? t('activity.rule_applied', { rule, actions: joinPhrases(done) })
    : t('activity.rule_applied_nothing', { rule });
}

/** A log line's trigger in words; one this client does not know yet shows as the server names it. */
export function triggerLabel(trigger: string): string {
  const event = RULE_EVENT_TRIGGERS.find((e) => e === trigger);
  if (event) return t(`automation.event.${event}`);
  const after = RULE_TIME_TRIGGERS.find((a) => a === trigger);
  return after ? t(`automation.after.${after}`) : trigger;
}
