import type { Activity } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

type SlaActivity = Extract<Activity, { type: 'priority_changed' | 'sla_breached' }>;

/** "Rule 'VIP' changed the priority from Normal to Urgent", "SLA breached: first response". */
export function slaActivityText(activity: SlaActivity): string {
  if (activity.type === 'sla_breached')
    return t('activity.sla_breached', { target: t(`sla.target.${activity.target}`) });
  return t('activity.priority_changed', {
    actor: activity.by.name,
    from: t(`priority.${activity.from}`),
    to: t(`priority.${activity.to}`),
  });
}
