import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from './feed-store';

/**
 * A conversation deleted with its inbox's history: it leaves the feed, and the conversation view
 * if it was open there, with everything kept of it. Applying it twice (a replay) changes nothing.
 */
export function applyConversationDeleted(conversationId: string): void {
  useFeedStore.setState((s) => {
    if (!(conversationId in s.byId)) return {};
    const byId = { ...s.byId };
    delete byId[conversationId];
    return { byId, order: s.order.filter((id) => id !== conversationId) };
  });
  useConversationStore.setState((s) => {
    const known =
      s.selectedId === conversationId ||
      conversationId in s.summaries ||
      conversationId in s.threads ||
      conversationId in s.details;
    if (!known) return {};
    const without = <T>(record: Record<string, T>) => {
      const copy = { ...record };
      delete copy[conversationId];
      return copy;
    };
    return {
      selectedId: s.selectedId === conversationId ? null : s.selectedId,
      summaries: without(s.summaries),
      details: without(s.details),
      threads: without(s.threads),
    };
  });
}
