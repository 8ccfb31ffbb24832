import type { Activity } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';

type CsatActivity = Extract<Activity, { type: 'csat_answered' }>;

/** "Customer rated 4/5 · 'Quick, thanks'" (NPS: out of 10). */
export function csatActivityText(activity: CsatActivity): string {
  const max = activity.scale === 'csat' ? 5 : 10;
  return activity.comment
    ? t('activity.csat_answered_comment', {
        rating: activity.rating,
        max,
        comment: activity.comment,
      })
    : t('activity.csat_answered', { rating: activity.rating, max });
}
