import { CONVERSATION_PRIORITIES } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../../feed/store/feed-store';

/** The feed's order (newest or most urgent first) and its priority filter. */
export function FeedPriorityControls() {
  const sort = useFeedStore((s) => s.filters.sort);
  const priorities = useFeedStore((s) => s.filters.priorities);
  const setFilters = useFeedStore((s) => s.setFilters);
  const only = priorities?.length === 1 ? priorities[0] : '';
  return (
    <>
      <select
        className="select"
        aria-label={t('feed.sort.label')}
        data-testid="feed-sort"
        value={sort ?? 'activity'}
        onChange={(e) =>
          setFilters({ sort: e.target.value === 'priority' ? 'priority' : undefined })
        }
      >
        <option value="activity">{t('feed.sort.activity')}</option>
        <option value="priority">{t('feed.sort.priority')}</option>
      </select>
      <select
        className="select"
        aria-label={t('feed.filter.priority')}
        data-testid="filter-priority"
        value={only ?? ''}
        onChange={(e) => {
          const picked = CONVERSATION_PRIORITIES.find((p) => p === e.target.value);
          setFilters({ priorities: picked ? [picked] : undefined });
        }}
      >
        <option value="">{t('feed.filter.any_priority')}</option>
        {CONVERSATION_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </select>
    </>
  );
}
