import type { Activity, ActorRef } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

/** "Rule 'VIP'" for an actor that is a rule; an operator keeps their name. */
export function actorName(actor: ActorRef): string {
  return actor.kind === 'rule' ? t('activity.rule_actor', { name: actor.name }) : actor.name;
}

/**
 * The activity with its `by` named for display: every activity renderer (tasks, merges, tags ...)
 * then says "Rule 'VIP' tagged …" without knowing about rules.
 */
export function withRuleActors(activity: Activity): Activity {
  if (!('by' in activity) || !activity.by || activity.by.kind !== 'rule') return activity;
  return { ...activity, by: { ...activity.by, name: actorName(activity.by) } } as Activity;
}
