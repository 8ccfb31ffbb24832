import type { CannedReplyDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { cannedRepliesApi } from '../api/canned-replies-api';
import { errorText } from '../../../shared/api/error-text';

interface CannedRepliesState {
  replies: CannedReplyDto[];
  loaded: boolean;
  loadError: string | null;
  /** Fetches the list (the picker calls it each time it opens, so edits elsewhere show up). */
  load: () => Promise<void>;
  saved: (reply: CannedReplyDto) => void;
  removed: (id: string) => void;
}

const byShortcut = (a: CannedReplyDto, b: CannedReplyDto) =>
  a.shortcut.localeCompare(b.shortcut) || a.scope.localeCompare(b.scope);

export const useCannedRepliesStore = create<CannedRepliesState>((set) => ({
  replies: [],
  loaded: false,
  loadError: null,
  load: async () => {
    try {
      const replies = await cannedRepliesApi.list();
      set({ replies, loaded: true, loadError: null });
    } catch (error) {
      set({ loadError: errorText(error) });
    }
  },
  saved: (reply) =>
    set((s) => ({
      replies: [...s.replies.filter((r) => r.id !== reply.id), reply].sort(byShortcut),
    })),
  removed: (id) => set((s) => ({ replies: s.replies.filter((r) => r.id !== id) })),
}));
