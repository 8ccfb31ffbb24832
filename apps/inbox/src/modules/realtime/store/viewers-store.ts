import type { ConversationViewer, ConversationViewersSignal } from '@switchboard/contracts';
import { create } from 'zustand';

export const NO_VIEWERS: readonly ConversationViewer[] = [];

interface ViewersState {
  /** Who has each conversation open, as the server last said (never stored anywhere). */
  byConversation: Record<string, readonly ConversationViewer[]>;
  receive: (signal: ConversationViewersSignal) => void;
  reset: () => void;
}

export const useViewersStore = create<ViewersState>((set) => ({
  byConversation: {},
  receive: ({ conversationId, viewers }) =>
    set((s) => {
      const byConversation = { ...s.byConversation };
      if (viewers.length) byConversation[conversationId] = viewers;
      else delete byConversation[conversationId];
      return { byConversation };
    }),
  reset: () => set({ byConversation: {} }),
}));

/** Colleagues only: the operator's own tabs are not news to them. */
export function colleaguesIn(
  viewers: readonly ConversationViewer[],
  selfId: string | undefined,
): ConversationViewer[] {
  return viewers.filter((v) => v.operatorId !== selfId);
}
