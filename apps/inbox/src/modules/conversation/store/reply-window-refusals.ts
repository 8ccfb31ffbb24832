import { create } from 'zustand';

interface ReplyWindowRefusalsState {
  /**
   * Conversations whose free-text send the server refused (REPLY_WINDOW_CLOSED), with the
   * `replyWindowClosesAt` we knew then. The server's clock decides, not ours: until a newer
   * closing time arrives (the customer wrote again), the composer offers only templates.
   */
  byConversation: Record<string, string | null>;
  refused: (conversationId: string, knownClosesAt: string | null) => void;
}

export const useReplyWindowRefusals = create<ReplyWindowRefusalsState>((set) => ({
  byConversation: {},
  refused: (conversationId, knownClosesAt) =>
    set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: knownClosesAt } })),
}));
