import type { RuleRunDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { automationApi } from '../api/automation-api';
import { errorText } from '../../../shared/api/error-text';

interface RuleLogState {
  /** Whose log: one rule's, or every rule's (null). */
  ruleId: string | null;
  items: RuleRunDto[];
  nextCursor: string | null;
  loading: boolean;
  loadError: string | null;
  /** Starts over, newest first. */
  open: (ruleId: string | null) => Promise<void>;
  loadMore: () => Promise<void>;
}

const reason = (error: unknown) => errorText(error);
let generation = 0;

/** The rule log's loaded pages (keyset, newest first) for the view that shows it. */
export const useRuleLogStore = create<RuleLogState>((set, get) => ({
  ruleId: null,
  items: [],
  nextCursor: null,
  loading: false,
  loadError: null,

  open: async (ruleId) => {
    const mine = ++generation;
    set({ ruleId, items: [], nextCursor: null, loading: true, loadError: null });
    try {
      const page = await automationApi.runs({ ruleId });
      if (mine !== generation) return;
      set({ items: page.items, nextCursor: page.nextCursor, loading: false });
    } catch (error) {
      if (mine === generation) set({ loading: false, loadError: reason(error) });
    }
  },

  loadMore: async () => {
    const { nextCursor, loading, ruleId } = get();
    if (!nextCursor || loading) return;
    const mine = generation;
    set({ loading: true });
    try {
      const page = await automationApi.runs({ ruleId, cursor: nextCursor });
      if (mine !== generation) return;
      const known = new Set(get().items.map((r) => r.id));
      set({
        items: get().items.concat(page.items.filter((r) => !known.has(r.id))),
        nextCursor: page.nextCursor,
        loading: false,
      });
    } catch (error) {
      if (mine === generation) set({ loading: false, loadError: reason(error) });
    }
  },
}));
