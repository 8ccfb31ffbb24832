import { csatActivityText } from '../../csat/utils/csat-activity-text';
import type { Activity } from '@switchboard/contracts';
import { formatUpcoming } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { taskActivityText } from '../../tasks/utils/task-activity-text';
import { moveActivityText } from '../../conversation-merge/utils/move-activity';
import { ruleActivityText } from '../../automation/utils/rule-result-text';
import { withRuleActors } from '../../automation/utils/rule-actor';
import { slaActivityText } from '../../sla/utils/sla-activity-text';
import { timeActivityText } from '../../time-tracking/utils/time-activity-text';

/** Renders a structured timeline activity in the operator's language and timezone. */
export function activityText(shown: Activity, now: Date = new Date()): string {
  // A rule's doing reads "Rule 'VIP' …" wherever an operator's name would stand.
  const activity = withRuleActors(shown);
  switch (activity.type) {
    case 'status_changed': {
      const actor = activity.by?.name ?? t('activity.someone');
      if (activity.to === 'snoozed') {
        const time = activity.snoozedUntil
          ? formatUpcoming(new Date(activity.snoozedUntil), now)
          : '';
        return t('activity.status_changed.snoozed', { actor, time });
      }
      // Waking a snoozed conversation by hand is an unsnooze, not a reopen (that is from closed).
      if (activity.from === 'snoozed' && activity.to === 'open')
        return t('activity.status_changed.unsnoozed', { actor });
      return t(`activity.status_changed.${activity.to}`, { actor });
    }
    case 'snooze_expired':
      return t('activity.snooze_expired');
    case 'unsnoozed_by_customer':
      return t('activity.unsnoozed_by_customer');
    case 'reopened_by_customer':
      return t('activity.reopened_by_customer');
    case 'assigned': {
      const actor = activity.by?.name ?? t('activity.system');
      return activity.assignee
        ? t('activity.assigned', { actor, assignee: activity.assignee.name })
        : t('activity.unassigned', { actor });
    }
    case 'team_assigned':
      return activity.team
        ? t('activity.team_assigned', { actor: activity.by.name, team: activity.team.name })
        : t('activity.team_unassigned', { actor: activity.by.name });
    case 'released_on_deactivation':
      return t('activity.released_on_deactivation', {
        actor: activity.by.name,
        operator: activity.operator.name,
      });
    case 'tag_added':
    case 'tag_removed':
      return t(`activity.${activity.type}`, { actor: activity.by.name, tag: activity.tag });
    // The reason is the channel's own words ("The customer blocked the bot").
    case 'customer_unreachable':
      return t('activity.customer_unreachable', { reason: activity.reason });
    case 'customer_reachable':
      return t('activity.customer_reachable');
    case 'contact_merged':
    case 'contact_unmerged':
      return t(`activity.${activity.type}`, {
        actor: activity.by.name,
        from: activity.from.name ?? t('contact_merge.unnamed'),
        into: activity.into.name ?? t('contact_merge.unnamed'),
      });
    case 'task_created':
    case 'task_linked':
    case 'task_unlinked':
    case 'task_done':
    case 'task_reopened':
    case 'task_due':
      return taskActivityText(activity, now);
    case 'conversation_merged':
    case 'merged_into':
    case 'split_from':
    case 'split_into':
      return moveActivityText(activity);
    case 'rule_applied':
    case 'rule_failed':
      return ruleActivityText(activity);
    case 'priority_changed':
    case 'sla_breached':
      return slaActivityText(activity);
    case 'time_adjusted':
      return timeActivityText(activity);
    case 'csat_answered':
      return csatActivityText(activity);
    default:
      return assertNever(activity);
  }
}

function assertNever(value: never): string {
  // A new activity type from a newer server: show nothing rather than crash the timeline.
  void value;
  return '';
}
