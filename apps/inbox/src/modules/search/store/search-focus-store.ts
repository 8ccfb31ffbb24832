import { create } from 'zustand';
import type { FeedStatus } from '../../feed/store/feed-filters';

/** A search result the operator opened: the conversation is shown at this message. */
export interface SearchTarget {
  conversationId: string;
  messageId: string;
}

interface SearchFocusState {
  target: SearchTarget | null;
  /** The status tab before a search switched the feed to every status; restored when it ends. */
  statusBeforeSearch: FeedStatus | null;
  openAt: (target: SearchTarget) => void;
  clear: () => void;
  rememberStatus: (status: FeedStatus | null) => void;
}

export const useSearchFocusStore = create<SearchFocusState>((set) => ({
  target: null,
  statusBeforeSearch: null,
  openAt: (target) => set({ target }),
  clear: () => set({ target: null }),
  rememberStatus: (statusBeforeSearch) => set({ statusBeforeSearch }),
}));
