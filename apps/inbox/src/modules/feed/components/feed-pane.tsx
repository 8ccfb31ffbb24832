import { BulkAssignBar } from '../../assignment/components/bulk-assign-bar';
import { SavedViewsSection } from '../../saved-views/components/saved-views-section';
import { t } from '../../../i18n/i18n';
import { FeedFiltersBar } from './feed-filters-bar';
import { FeedList } from './feed-list';
import { FeedSearch } from './feed-search';
import { FeedTabs } from './feed-tabs';

export function FeedPane() {
  return (
    <section className="feed-pane" aria-label={t('feed.list.label')}>
      <FeedSearch />
      <SavedViewsSection />
      <FeedTabs />
      <FeedFiltersBar />
      <BulkAssignBar />
      <FeedList />
    </section>
  );
}
