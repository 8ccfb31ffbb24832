import type { TaskDto, TaskView } from '@switchboard/contracts';
import { create } from 'zustand';
import { tasksApi } from '../api/tasks-api';
import { errorText } from '../../../shared/api/error-text';

/** The Tasks screen's current tab: its loaded pages. */
interface TabState {
  view: TaskView;
  items: TaskDto[];
  nextCursor: string | null;
  loading: boolean;
  loadError: string | null;
}

interface TasksState {
  tab: TabState;
  /** Tasks per conversation, for the headers of conversations opened in this session. */
  byConversation: Record<string, TaskDto[]>;
  showTab: (view: TaskView) => Promise<void>;
  loadMore: () => Promise<void>;
  loadConversation: (conversationId: string) => Promise<void>;
  /** A task as the server now has it (an answer to one of our changes). */
  receive: (task: TaskDto) => void;
  /** `task.changed` from the stream: re-read what this tab shows. */
  changed: (taskId: string, conversationId: string) => void;
  reset: () => void;
}

const EMPTY_TAB: TabState = {
  view: 'mine',
  items: [],
  nextCursor: null,
  loading: false,
  loadError: null,
};

const reason = (error: unknown) => errorText(error);

/** Whether a task still belongs in a tab after a change (the server decides order and the rest). */
function belongsTo(view: TaskView, task: TaskDto, me: string | null): boolean {
  if (view === 'done') return task.doneAt !== null;
  if (task.doneAt !== null) return false;
  if (view === 'mine') return task.assignee.id === me;
  if (view === 'overdue') return Date.parse(task.dueAt) <= Date.now();
  return true;
}

/** Open tabs by due time, the done tab newest first: the server's order. */
function sortForTab(view: TaskView, tasks: TaskDto[]): TaskDto[] {
  const key = (t: TaskDto) => Date.parse(view === 'done' ? (t.doneAt ?? t.dueAt) : t.dueAt);
  return tasks.sort((a, b) => (view === 'done' ? key(b) - key(a) : key(a) - key(b)));
}

let me: string | null = null;
/** Who "mine" means: set by the screen from the signed-in operator. */
export function setTasksOperator(id: string | null): void {
  me = id;
}

export const useTasksStore = create<TasksState>((set, get) => ({
  tab: EMPTY_TAB,
  byConversation: {},

  showTab: async (view) => {
    set({ tab: { ...EMPTY_TAB, view, loading: true } });
    try {
      const page = await tasksApi.list(view, null);
      if (get().tab.view !== view) return;
      set({
        tab: {
          view,
          items: page.items,
          nextCursor: page.nextCursor,
          loading: false,
          loadError: null,
        },
      });
    } catch (error) {
      if (get().tab.view === view)
        set({ tab: { ...get().tab, loading: false, loadError: reason(error) } });
    }
  },

  loadMore: async () => {
    const { tab } = get();
    if (!tab.nextCursor || tab.loading) return;
    set({ tab: { ...tab, loading: true } });
    try {
      const page = await tasksApi.list(tab.view, tab.nextCursor);
      const current = get().tab;
      if (current.view !== tab.view) return;
      const known = new Set(current.items.map((t) => t.id));
      set({
        tab: {
          ...current,
          items: current.items.concat(page.items.filter((t) => !known.has(t.id))),
          nextCursor: page.nextCursor,
          loading: false,
        },
      });
    } catch (error) {
      set({ tab: { ...get().tab, loading: false, loadError: reason(error) } });
    }
  },

  loadConversation: async (conversationId) => {
    try {
      const tasks = await tasksApi.ofConversation(conversationId);
      set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: tasks } }));
    } catch {
      // Not visible (any more) or offline: the header simply shows no tasks.
      set((s) => ({ byConversation: { ...s.byConversation, [conversationId]: [] } }));
    }
  },

  receive: (task) =>
    set((s) => {
      const byConversation = { ...s.byConversation };
      for (const [conversationId, tasks] of Object.entries(byConversation)) {
        const linked = task.conversations.some((c) => c.id === conversationId);
        const without = tasks.filter((t) => t.id !== task.id);
        byConversation[conversationId] = linked ? [...without, task] : without;
      }
      const inTab = s.tab.items.some((t) => t.id === task.id);
      const keep = belongsTo(s.tab.view, task, me);
      const items = inTab
        ? keep
          ? s.tab.items.map((t) => (t.id === task.id ? task : t))
          : s.tab.items.filter((t) => t.id !== task.id)
        : keep
          ? sortForTab(s.tab.view, [...s.tab.items, task])
          : s.tab.items;
      return { byConversation, tab: { ...s.tab, items } };
    }),

  changed: (taskId, conversationId) => {
    if (get().byConversation[conversationId]) void get().loadConversation(conversationId);
    void tasksApi.get(taskId).then(
      (task) => get().receive(task),
      () => undefined,
    );
  },

  reset: () => set({ tab: EMPTY_TAB, byConversation: {} }),
}));
