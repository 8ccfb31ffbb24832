import { t } from '../../../i18n/i18n';
import { useFeedStore } from '../store/feed-store';

export function FeedEmpty() {
  const status = useFeedStore((s) => s.filters.status);
  return (
    <div className="feed-empty" data-testid="feed-empty">
      <svg className="feed-empty__art" viewBox="0 0 64 64" aria-hidden="true">
        <circle cx="32" cy="32" r="28" fill="var(--accent-soft)" />
        <path
          d="M21 33.5 28.5 41 44 24"
          fill="none"
          stroke="var(--accent)"
          strokeWidth="4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <h2>{t(`feed.empty.${status}.title`)}</h2>
      <p>{t(`feed.empty.${status}.body`)}</p>
    </div>
  );
}
