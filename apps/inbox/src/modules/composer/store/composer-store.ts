import { create } from 'zustand';

export type ComposerMode = 'message' | 'note';

export interface Draft {
  text: string;
  mode: ComposerMode;
}

interface ComposerState {
  /** One draft per conversation, so switching conversations never loses half a reply. */
  drafts: Record<string, Draft>;
  setDraft: (conversationId: string, patch: Partial<Draft>) => void;
  clearDraft: (conversationId: string) => void;
}

export const EMPTY_DRAFT: Draft = { text: '', mode: 'message' };

export const useComposerStore = create<ComposerState>((set) => ({
  drafts: {},
  setDraft: (conversationId, patch) =>
    set((s) => ({
      drafts: {
        ...s.drafts,
        [conversationId]: { ...(s.drafts[conversationId] ?? EMPTY_DRAFT), ...patch },
      },
    })),
  clearDraft: (conversationId) =>
    set((s) => {
      const drafts = { ...s.drafts };
      const current = drafts[conversationId];
      if (current) drafts[conversationId] = { ...current, text: '' };
      return { drafts };
    }),
}));
