import { create } from 'zustand';
import { useAuthStore } from '../../auth/store/auth-store';

/** The customer message an operator chose to answer ("Reply" on it in the timeline). */
export interface ReplyTarget {
  id: string;
  text: string | null;
}

interface ReplyTargetState {
  /** One per conversation, like drafts: switching away and back keeps the choice. */
  byConversation: Record<string, ReplyTarget>;
  choose: (conversationId: string, target: ReplyTarget) => void;
  cancel: (conversationId: string) => void;
}

export const useReplyTargetStore = create<ReplyTargetState>((set) => ({
  byConversation: {},
  choose: (conversationId, target) =>
    set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: target } })),
  cancel: (conversationId) =>
    set((s) => {
      if (!(conversationId in s.byConversation)) return {};
      const byConversation = { ...s.byConversation };
      delete byConversation[conversationId];
      return { byConversation };
    }),
}));

// The next operator to sign in on this tab answers nobody's message by accident.
useAuthStore.subscribe((state, previous) => {
  if (state.phase !== 'signed_in' && previous.phase === 'signed_in')
    useReplyTargetStore.setState({ byConversation: {} });
});
