import { create } from 'zustand';

interface PaletteState {
  open: boolean;
  /** What had focus when the palette opened: it gets it back when the palette closes. */
  returnFocus: HTMLElement | null;
  show: () => void;
  /** Closes, and gives focus back to where it was (when that element is still on the page). */
  hide: () => void;
  toggle: () => void;
}

export const usePaletteStore = create<PaletteState>((set, get) => ({
  open: false,
  returnFocus: null,
  show: () => {
    if (get().open) return;
    const active = document.activeElement;
    set({ open: true, returnFocus: active instanceof HTMLElement ? active : null });
  },
  hide: () => {
    const { open, returnFocus } = get();
    if (!open) return;
    set({ open: false, returnFocus: null });
    if (returnFocus?.isConnected) returnFocus.focus();
  },
  toggle: () => (get().open ? get().hide() : get().show()),
}));
