import { useConversationStore } from '../modules/conversation/store/conversation-store';
import { useFeedStore } from '../modules/feed/store/feed-store';

/**
 * Reloads everything the screen shows over REST. Used when the stream cannot replay what we missed
 * (first connection, stream.reset); ordinary reconnects replay events instead.
 */
export function resyncFromRest(): void {
  const feed = useFeedStore.getState();
  void feed.loadFirstPage();
  void feed.refreshCounts();
  const conversations = useConversationStore.getState();
  const { selectedId } = conversations;
  // Cached threads of other conversations may be stale: drop them, they reload when opened.
  useConversationStore.setState({
    threads:
      selectedId && conversations.threads[selectedId]
        ? { [selectedId]: conversations.threads[selectedId] }
        : {},
  });
  if (selectedId) void useConversationStore.getState().loadThread(selectedId);
}
