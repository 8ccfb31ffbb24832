import { create } from 'zustand';

/** Transient UI layers the keyboard talks to: help dialog, snooze menu, composer focus. */
interface OverlayState {
  helpOpen: boolean;
  snoozeMenuOpen: boolean;
  /** Incremented to ask the composer to take focus (the `r` key). */
  replyFocusRequest: number;
  setHelpOpen: (open: boolean) => void;
  setSnoozeMenuOpen: (open: boolean) => void;
  requestReplyFocus: () => void;
}

export const useOverlayStore = create<OverlayState>((set) => ({
  helpOpen: false,
  snoozeMenuOpen: false,
  replyFocusRequest: 0,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setSnoozeMenuOpen: (snoozeMenuOpen) => set({ snoozeMenuOpen }),
  requestReplyFocus: () => set((s) => ({ replyFocusRequest: s.replyFocusRequest + 1 })),
}));
