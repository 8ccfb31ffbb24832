import type { TaskDto } from '@switchboard/contracts';
import { create } from 'zustand';

/** What the task dialog is open for: a new task (from a message or a conversation), or an edit. */
export type TaskDialogRequest =
  | { mode: 'create'; conversationId: string; messageId: string | null; title: string }
  | { mode: 'edit'; task: TaskDto };

interface TaskDialogState {
  request: TaskDialogRequest | null;
  open: (request: TaskDialogRequest) => void;
  close: () => void;
}

export const useTaskDialogStore = create<TaskDialogState>((set) => ({
  request: null,
  open: (request) => set({ request }),
  close: () => set({ request: null }),
}));
