import type { ConversationTimeDto, TimeHeartbeatDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { timeApi } from '../api/time-api';

interface TimeState {
  /** The time of conversations opened in this session. */
  byConversation: Record<string, ConversationTimeDto>;
  load: (conversationId: string) => Promise<void>;
  receive: (time: ConversationTimeDto) => void;
  /** A heartbeat's answer: the figures the header shows, without re-reading the entries. */
  beat: (conversationId: string, answer: TimeHeartbeatDto) => void;
  /** `time.changed` from the stream: re-read a conversation this tab shows. */
  changed: (conversationId: string) => void;
}

export const useTimeStore = create<TimeState>((set, get) => ({
  byConversation: {},
  load: async (conversationId) => {
    try {
      get().receive(await timeApi.get(conversationId));
    } catch {
      // The line stays as it was (or absent); the next change or opening reads it again.
    }
  },
  receive: (time) =>
    set((s) => ({ byConversation: { ...s.byConversation, [time.conversationId]: time } })),
  beat: (conversationId, answer) =>
    set((s) => {
      const known = s.byConversation[conversationId];
      if (!known) return s;
      const updated = {
        ...known,
        totalSeconds: answer.totalSeconds,
        mineSeconds: answer.mineSeconds,
      };
      return { byConversation: { ...s.byConversation, [conversationId]: updated } };
    }),
  changed: (conversationId) => {
    if (get().byConversation[conversationId]) void get().load(conversationId);
  },
}));
