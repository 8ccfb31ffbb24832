import { useFeedAnnouncementsStore } from '../store/feed-announcements';

/**
 * A polite live region beside the feed: screen readers hear that a conversation arrived without
 * being interrupted, and the list itself stays quiet (as a live region, every row that moves
 * would be read out). The span is replaced on each announcement, so repeated words are said again.
 */
export function FeedAnnouncer() {
  const text = useFeedAnnouncementsStore((s) => s.text);
  const serial = useFeedAnnouncementsStore((s) => s.serial);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="feed-announcer">
      <span key={serial}>{text}</span>
    </div>
  );
}
