import type { TaskDto } from '@switchboard/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { setTasksOperator, useTasksStore } from './tasks-store';

const task = (over: Partial<TaskDto> = {}): TaskDto => ({
  id: 't1',
  title: 'Call back',
  description: '',
  assignee: { id: 'me', name: 'Me' },
  createdBy: { id: 'me', name: 'Me' },
  dueAt: new Date(Date.now() + 3_600_000).toISOString(),
  doneAt: null,
  contact: null,
  sourceMessageId: null,
  conversations: [{ id: 'c1', number: 1, subject: null, status: 'open', contactName: 'Ann' }],
  hiddenConversationCount: 0,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  ...over,
});

describe('tasks store', () => {
  afterEach(() => useTasksStore.getState().reset());

  it('keeps a tab to what belongs in it as answers arrive', () => {
    setTasksOperator('me');
    useTasksStore.setState((s) => ({ tab: { ...s.tab, view: 'mine', items: [] } }));
    const later = task({ id: 'later', dueAt: new Date(Date.now() + 7_200_000).toISOString() });
    useTasksStore.getState().receive(later);
    useTasksStore.getState().receive(task({ id: 'sooner' }));
    expect(useTasksStore.getState().tab.items.map((t) => t.id)).toEqual(['sooner', 'later']);
    // Done, or given to a colleague: it leaves "mine".
    useTasksStore.getState().receive(task({ id: 'sooner', doneAt: new Date().toISOString() }));
    useTasksStore.getState().receive({ ...later, assignee: { id: 'colleague', name: 'C' } });
    expect(useTasksStore.getState().tab.items).toEqual([]);
  });

  it('updates the lists of loaded conversations: linked ones gain it, unlinked ones lose it', () => {
    useTasksStore.setState({ byConversation: { c1: [], c2: [task()] } });
    useTasksStore.getState().receive(task());
    expect(useTasksStore.getState().byConversation['c1']?.map((t) => t.id)).toEqual(['t1']);
    expect(useTasksStore.getState().byConversation['c2']).toEqual([]);
    // A conversation whose list was never loaded is not invented.
    expect(useTasksStore.getState().byConversation['c3']).toBeUndefined();
  });
});
