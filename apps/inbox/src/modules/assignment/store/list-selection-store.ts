import { create } from 'zustand';

interface ListSelectionState {
  /** Conversation ids ticked in the list, in the order they were ticked. */
  ids: string[];
  /** The last row ticked or unticked without Shift: a Shift-click extends from here. */
  anchor: string | null;
  /** Ticks or unticks one row; with `range`, every row between the anchor and it (in `order`). */
  toggle: (id: string, range: boolean, order: readonly string[]) => void;
  clear: () => void;
}

/** The conversations selected in the list for a bulk action (checkboxes, Shift-click ranges). */
export const useListSelectionStore = create<ListSelectionState>((set) => ({
  ids: [],
  anchor: null,
  toggle: (id, range, order) =>
    set((s) => {
      const from = s.anchor ? order.indexOf(s.anchor) : -1;
      const to = order.indexOf(id);
      if (range && from >= 0 && to >= 0) {
        // A range takes the state of the anchor row: ticking extends, unticking clears.
        const ticking = s.ids.includes(s.anchor as string);
        const span = order.slice(Math.min(from, to), Math.max(from, to) + 1);
        const ids = ticking
          ? [...s.ids, ...span.filter((x) => !s.ids.includes(x))]
          : s.ids.filter((x) => !span.includes(x));
        return { ids };
      }
      const ids = s.ids.includes(id) ? s.ids.filter((x) => x !== id) : [...s.ids, id];
      return { ids, anchor: id };
    }),
  clear: () => set({ ids: [], anchor: null }),
}));
