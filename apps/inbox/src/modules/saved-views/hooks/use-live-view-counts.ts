import { useEffect } from 'react';
import { useFeedStore } from '../../feed/store/feed-store';
import { useStreamStore } from '../../realtime/store/stream-store';
import { useSavedViewsStore } from '../store/saved-views-store';

/**
 * Changes arriving within this long fold into one counts request: a burst of events (a bulk
 * assignment, a busy inbox) costs one round trip, and a count lags a change by at most this.
 */
export const VIEW_COUNTS_COALESCE_MS = 400;

/**
 * Keeps the views' counts live. The client re-fetches `GET /api/views/counts` when the stream
 * applies a conversation event (created, message, status, assignee, tags: the feed store stamps
 * each in `touched`), when the feed reloads (a change of access, a resync) or a snooze falls due
 * (its wake-up's events may come later: docs/architecture.md), and reloads the views
 * too when the stream is live again after a reconnect. Delivery receipts and other events that
 * change no conversation cost nothing. The server does not push counts: each viewer's counts
 * depend on their own inbox access, so a push would run every view's count for every connected
 * operator on every change, while most tabs are not even looking (docs/architecture.md).
 */
export function useLiveViewCounts(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void useSavedViewsStore.getState().refreshCounts();
      }, VIEW_COUNTS_COALESCE_MS);
    };
    const unsubscribeFeed = useFeedStore.subscribe((state, previous) => {
      if (
        state.touched !== previous.touched ||
        state.generation !== previous.generation ||
        state.dueLooks !== previous.dueLooks
      )
        schedule();
    });
    const unsubscribeStream = useStreamStore.subscribe((state, previous) => {
      // Back after a reconnect: events were replayed or the screen resynced; views may have
      // changed meanwhile too.
      if (state.status === 'live' && previous.status !== 'live')
        void useSavedViewsStore.getState().load();
    });
    void useSavedViewsStore.getState().load();
    return () => {
      unsubscribeFeed();
      unsubscribeStream();
      if (timer) clearTimeout(timer);
      // The next operator signing in on this tab must not glimpse these views.
      useSavedViewsStore.getState().reset();
    };
  }, []);
}
