import { create } from 'zustand';

/** A button on a toast ("Undo"): it runs once and the toast goes. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}

interface ToastState {
  toasts: Toast[];
  /** `durationMs`: how long it stays (TOAST_MS unless said), e.g. a reply's Undo window. */
  show: (text: string, tone?: Toast['tone'], action?: ToastAction, durationMs?: number) => number;
  dismiss: (id: number) => void;
  /** Keeps a toast while the operator's focus is on it, so its button cannot vanish mid-reach. */
  hold: (id: number) => void;
  /** Starts the toast's time again once focus leaves it. */
  release: (id: number) => void;
}

let nextId = 1;
export const TOAST_MS = 5_000;
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const durations = new Map<number, number>();

const stopTimer = (id: number) => {
  clearTimeout(timers.get(id));
  timers.delete(id);
};

export const useToastStore = create<ToastState>((set, get) => {
  const startTimer = (id: number) => {
    stopTimer(id);
    timers.set(
      id,
      setTimeout(() => get().dismiss(id), durations.get(id) ?? TOAST_MS),
    );
  };
  return {
    toasts: [],
    show: (text, tone = 'info', action, durationMs) => {
      const id = nextId++;
      if (durationMs !== undefined) durations.set(id, durationMs);
      set((s) => ({
        toasts: s.toasts.slice(-2).concat(action ? { id, text, tone, action } : { id, text, tone }),
      }));
      startTimer(id);
      return id;
    },
    dismiss: (id) => {
      stopTimer(id);
      durations.delete(id);
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
    hold: (id) => stopTimer(id),
    release: (id) => {
      if (get().toasts.some((t) => t.id === id)) startTimer(id);
    },
  };
});
