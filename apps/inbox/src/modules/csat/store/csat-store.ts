import type { ConversationCsatDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { csatApi } from '../api/csat-api';

interface CsatState {
  /** The survey of conversations opened in this session (null: none yet). */
  byConversation: Record<string, ConversationCsatDto | null>;
  load: (conversationId: string) => Promise<void>;
  /** `csat.answered` from the stream: re-read a conversation this tab has shown. */
  answered: (conversationId: string) => void;
}

export const useCsatStore = create<CsatState>((set, get) => ({
  byConversation: {},
  load: async (conversationId) => {
    try {
      const { survey } = await csatApi.ofConversation(conversationId);
      set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: survey } }));
    } catch {
      // The badge stays as it was (or absent); the next answer or opening reads it again.
    }
  },
  answered: (conversationId) => {
    if (conversationId in get().byConversation) void get().load(conversationId);
  },
}));
