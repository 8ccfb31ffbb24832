import type { ConversationLinksDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { conversationMergeApi } from '../api/conversation-merge-api';

interface LinksState {
  /** Per conversation: where it was merged into, and the channels a reply can take. */
  byConversation: Record<string, ConversationLinksDto>;
  /** "Reply via" as the operator picked it, per conversation (else the server's default). */
  chosenIdentity: Record<string, string>;
  load: (conversationId: string) => Promise<void>;
  choose: (conversationId: string, identityId: string) => void;
  reset: () => void;
}

/** Merge pointers and reply channels of the conversations the operator opened. */
export const useConversationLinksStore = create<LinksState>((set) => ({
  byConversation: {},
  chosenIdentity: {},
  load: async (conversationId) => {
    try {
      const links = await conversationMergeApi.links(conversationId);
      set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: links } }));
    } catch {
      // Not shown: a conversation without links is shown as an ordinary one.
    }
  },
  choose: (conversationId, identityId) =>
    set((s) => ({ chosenIdentity: { ...s.chosenIdentity, [conversationId]: identityId } })),
  reset: () => set({ byConversation: {}, chosenIdentity: {} }),
}));

/**
 * What a reply adds to its request: the identity the operator picked in "Reply via", only when the
 * conversation offers a choice (the server defaults to the channel of the latest customer message).
 */
export function replyViaFields(conversationId: string): { identityId?: string } {
  const state = useConversationLinksStore.getState();
  const links = state.byConversation[conversationId];
  const chosen = state.chosenIdentity[conversationId];
  if (!links || links.replyChannels.length < 2 || !chosen) return {};
  return links.replyChannels.some((c) => c.identityId === chosen) ? { identityId: chosen } : {};
}

/** Where the conversation was merged into, once its links are loaded; null otherwise. */
export function useMergedInto(conversationId: string) {
  return useConversationLinksStore((s) => s.byConversation[conversationId]?.mergedInto ?? null);
}
