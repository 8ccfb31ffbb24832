import type { TypingSignal } from '@switchboard/contracts';
import { create } from 'zustand';

/** A typing signal that is not refreshed is stale after this long (the sender may have vanished). */
export const TYPING_TTL_MS = 6_000;

export interface TypingEntry {
  name: string | null;
  kind: TypingSignal['actor']['type'];
}

interface TypingState {
  /** Who is typing, per conversation; typing is never stored on the server, only relayed. */
  byConversation: Record<string, TypingEntry>;
  receive: (signal: TypingSignal) => void;
  reset: () => void;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export const useTypingStore = create<TypingState>((set) => {
  const clear = (conversationId: string) => {
    const timer = timers.get(conversationId);
    if (timer) clearTimeout(timer);
    timers.delete(conversationId);
    set((s) => {
      if (!(conversationId in s.byConversation)) return {};
      const byConversation = { ...s.byConversation };
      delete byConversation[conversationId];
      return { byConversation };
    });
  };
  return {
    byConversation: {},
    receive: (signal) => {
      if (!signal.typing) return clear(signal.conversationId);
      const existing = timers.get(signal.conversationId);
      if (existing) clearTimeout(existing);
      timers.set(
        signal.conversationId,
        setTimeout(() => clear(signal.conversationId), TYPING_TTL_MS),
      );
      set((s) => ({
        byConversation: {
          ...s.byConversation,
          [signal.conversationId]: { name: signal.actor.name, kind: signal.actor.type },
        },
      }));
    },
    reset: () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      set({ byConversation: {} });
    },
  };
});
