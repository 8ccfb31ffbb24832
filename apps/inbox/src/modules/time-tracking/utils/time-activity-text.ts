import type { Activity } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { formatDuration } from './format-duration';

type TimeActivity = Extract<Activity, { type: 'time_adjusted' }>;

/** "Anna added 10m to Marek's time: Phone call" in the timeline. */
export function timeActivityText(activity: TimeActivity): string {
  const params = {
    actor: activity.by.name,
    operator: activity.operator.name,
    amount: formatDuration(Math.abs(activity.seconds)),
    reason: activity.reason,
  };
  return t(activity.seconds >= 0 ? 'activity.time_added' : 'activity.time_removed', params);
}
