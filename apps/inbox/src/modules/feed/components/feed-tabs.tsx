import { t } from '../../../i18n/i18n';
import { isHistorySearch } from '../../search/utils/search-mode';
import { FEED_TABS, type FeedStatus } from '../store/feed-filters';
import { useFeedStore } from '../store/feed-store';

export function FeedTabs() {
  const status = useFeedStore((s) => s.filters.status);
  const counts = useFeedStore((s) => s.counts);
  const setFilters = useFeedStore((s) => s.setFilters);
  // "All" (every status) is where a search over history starts; it stays while one is shown.
  const q = useFeedStore((s) => s.filters.q);
  const tabs: readonly FeedStatus[] =
    status === 'all' || isHistorySearch(q) ? [...FEED_TABS, 'all'] : FEED_TABS;
  return (
    <div className="tabs" role="tablist" aria-label={t('feed.tabs.label')}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={status === tab}
          data-testid={`tab-${tab}`}
          onClick={() => setFilters({ status: tab })}
        >
          <span className="tabs__label">{t(`feed.tab.${tab}`)}</span>
          {counts && (
            <span className="tabs__count" data-testid={`count-${tab}`}>
              {tab === 'all' ? counts.open + counts.snoozed + counts.closed : counts[tab]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
