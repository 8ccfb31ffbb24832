import { t } from '../../../i18n/i18n';
import { FEED_TABS } from '../store/feed-filters';
import { useFeedStore } from '../store/feed-store';

export function FeedTabs() {
  const status = useFeedStore((s) => s.filters.status);
  const counts = useFeedStore((s) => s.counts);
  const setFilters = useFeedStore((s) => s.setFilters);
  return (
    <div className="tabs" role="tablist" aria-label={t('feed.tabs.label')}>
      {FEED_TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={status === tab}
          data-testid={`tab-${tab}`}
          onClick={() => setFilters({ status: tab })}
        >
          {t(`feed.tab.${tab}`)}
          {counts && (
            <span className="tabs__count" data-testid={`count-${tab}`}>
              {counts[tab]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
