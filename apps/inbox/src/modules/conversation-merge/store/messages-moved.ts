import type { StreamEventPayloads } from '@switchboard/contracts';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { useConversationLinksStore } from './conversation-links-store';

type MessagesMoved = StreamEventPayloads['conversation.messages_moved'];

/**
 * A merge or split moved messages: they leave the open timeline they were in, and a timeline they
 * joined is read again, so none ever shows twice or goes missing. The feed row and the header
 * take the new summary; the banner and "Reply via" are read again.
 */
export function applyMessagesMoved(
  { conversation, movedIn, movedOut }: MessagesMoved,
  cursor: number,
) {
  useFeedStore.getState().applyEvent(conversation, cursor);
  const store = useConversationStore.getState();
  store.receiveSummary(conversation);
  const thread = store.threads[conversation.id];
  if (thread && movedOut.length > 0) {
    const gone = new Set(movedOut);
    useConversationStore.setState((s) => {
      const current = s.threads[conversation.id];
      if (!current) return {};
      const messages = current.messages.filter((m) => !gone.has(m.id));
      return { threads: { ...s.threads, [conversation.id]: { ...current, messages } } };
    });
  }
  if (thread && movedIn.length > 0) void store.loadThread(conversation.id);
  if (conversation.id in useConversationLinksStore.getState().byConversation || thread)
    void useConversationLinksStore.getState().load(conversation.id);
}
