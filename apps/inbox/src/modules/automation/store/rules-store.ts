import type { RuleDto } from '@switchboard/contracts';
import { create } from 'zustand';
import { useAuthStore } from '../../auth/store/auth-store';
import { automationApi } from '../api/automation-api';
import { errorText } from '../../../shared/api/error-text';

/** What the Automation screen shows: the ordered list, a rule's editor (new or stored), the log. */
export type AutomationView =
  { name: 'rules' } | { name: 'log' } | { name: 'editor'; ruleId: string | null };

interface RulesState {
  rules: RuleDto[];
  loaded: boolean;
  loading: boolean;
  loadError: string | null;
  /** The last refused change of the list (order, switch), shown above it. */
  changeError: string | null;
  view: AutomationView;
  show: (view: AutomationView) => void;
  load: () => Promise<void>;
  setEnabled: (id: string, enabled: boolean) => Promise<void>;
  /** Moves a rule from one place to another and saves the whole order. */
  move: (from: number, to: number) => Promise<void>;
  saved: (rule: RuleDto) => void;
  removed: (id: string) => void;
  reset: () => void;
}

const reason = (error: unknown) => errorText(error);
const byPosition = (a: RuleDto, b: RuleDto) => a.position - b.position;

const INITIAL = {
  rules: [] as RuleDto[],
  loaded: false,
  loading: false,
  loadError: null,
  changeError: null,
  view: { name: 'rules' } as AutomationView,
};

export const useRulesStore = create<RulesState>((set, get) => ({
  ...INITIAL,

  show: (view) => set({ view, changeError: null }),

  load: async () => {
    set({ loading: true, loadError: null });
    try {
      const rules = await automationApi.list();
      set({ rules: [...rules].sort(byPosition), loaded: true, loading: false });
    } catch (error) {
      set({ loading: false, loadError: reason(error) });
    }
  },

  setEnabled: async (id, enabled) => {
    const before = get().rules;
    set({
      rules: before.map((r) => (r.id === id ? { ...r, enabled } : r)),
      changeError: null,
    });
    try {
      get().saved(await automationApi.update(id, { enabled }));
    } catch (error) {
      set({ rules: before, changeError: reason(error) });
    }
  },

  move: async (from, to) => {
    const before = get().rules;
    if (from === to || !before[from] || !before[to]) return;
    const next = [...before];
    const [rule] = next.splice(from, 1);
    next.splice(to, 0, rule as RuleDto);
    // Shown at once; the server's answer (or a refusal) settles it.
    set({ rules: next.map((r, i) => ({ ...r, position: i })), changeError: null });
    try {
      const answer = await automationApi.reorder(next.map((r) => r.id));
      if (Array.isArray(answer)) set({ rules: [...answer].sort(byPosition) });
    } catch (error) {
      set({ rules: before, changeError: reason(error) });
    }
  },

  saved: (rule) =>
    set((s) => {
      const known = s.rules.some((r) => r.id === rule.id);
      const rules = known ? s.rules.map((r) => (r.id === rule.id ? rule : r)) : [...s.rules, rule];
      return { rules: rules.sort(byPosition) };
    }),

  removed: (id) => set((s) => ({ rules: s.rules.filter((r) => r.id !== id) })),

  reset: () => set(INITIAL),
}));

// Another operator signing in on this tab must not see the last one's editor.
useAuthStore.subscribe((state, previous) => {
  if (state.phase !== 'signed_in' && previous.phase === 'signed_in')
    useRulesStore.getState().reset();
});
