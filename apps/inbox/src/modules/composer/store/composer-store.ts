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
  /** Empties the draft after a send and returns it to Reply. */
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
  // After a send the composer is empty and back on Reply: a note is the exception, chosen each time.
  clearDraft: (conversationId) =>
    set((s) => ({ drafts: { ...s.drafts, [conversationId]: EMPTY_DRAFT } })),
}));
