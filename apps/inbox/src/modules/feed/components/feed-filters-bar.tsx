import { t } from '../../../i18n/i18n';
import { AttributeFilter } from '../../contacts/components/attribute-filter';
import { FeedPriorityControls } from '../../priority/components/feed-priority-controls';
import { ASSIGNEE_OPTIONS } from '../store/feed-filters';
import { useFeedStore } from '../store/feed-store';

export function FeedFiltersBar() {
  const assignee = useFeedStore((s) => s.filters.assignee);
  const inboxId = useFeedStore((s) => s.filters.inboxId);
  const channel = useFeedStore((s) => s.filters.channel);
  const inboxes = useFeedStore((s) => s.inboxes);
  const setFilters = useFeedStore((s) => s.setFilters);
  const automated = useFeedStore((s) => s.filters.automated);
  const kinds = [...new Set(inboxes.map((inbox) => inbox.kind))];
  return (
    <div className="filters">
      <div className="segmented" role="radiogroup" aria-label={t('feed.filter.assignee')}>
        {ASSIGNEE_OPTIONS.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={assignee === option}
            className="segmented__option"
            onClick={() => setFilters({ assignee: option })}
          >
            {t(`feed.filter.${option}`)}
          </button>
        ))}
      </div>
      {kinds.length > 1 && (
        <select
          className="select"
          aria-label={t('feed.filter.channel')}
          data-testid="filter-channel"
          value={channel ?? ''}
          onChange={(e) => setFilters({ channel: kinds.find((k) => k === e.target.value) ?? null })}
        >
          <option value="">{t('feed.filter.all_channels')}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`channel.${kind}`)}
            </option>
          ))}
        </select>
      )}
      {inboxes.length > 1 && (
        <select
          className="select"
          aria-label={t('feed.filter.inbox')}
          data-testid="filter-inbox"
          value={inboxId ?? ''}
          onChange={(e) => setFilters({ inboxId: e.target.value || null })}
        >
          <option value="">{t('feed.filter.all_inboxes')}</option>
          {inboxes.map((inbox) => (
            <option key={inbox.id} value={inbox.id}>
              {inbox.name} · {t(`channel.${inbox.kind}`)}
            </option>
          ))}
        </select>
      )}
      {kinds.includes('email') && (
        <select
          className="select"
          aria-label={t('feed.filter.automated')}
          data-testid="filter-automated"
          value={automated ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            setFilters({ automated: v === 'hide' || v === 'only' ? v : undefined });
          }}
        >
          <option value="">{t('feed.filter.automated_any')}</option>
          <option value="hide">{t('feed.filter.automated_hide')}</option>
          <option value="only">{t('feed.filter.automated_only')}</option>
        </select>
      )}
      <FeedPriorityControls />
      <AttributeFilter />
    </div>
  );
}
