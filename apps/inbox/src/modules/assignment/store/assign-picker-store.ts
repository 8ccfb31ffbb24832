import { create } from 'zustand';

interface AssignPickerState {
  /** The conversations the open picker will assign; null while it is closed. */
  targets: string[] | null;
  open: (conversationIds: string[]) => void;
  close: () => void;
}

/** The one assignee picker: opened by the header, the list's bulk bar or the `a` key. */
export const useAssignPickerStore = create<AssignPickerState>((set) => ({
  targets: null,
  open: (conversationIds) => set({ targets: conversationIds.length > 0 ? conversationIds : null }),
  close: () => set({ targets: null }),
}));
