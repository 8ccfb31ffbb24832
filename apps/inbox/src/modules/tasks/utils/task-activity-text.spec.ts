import { describe, expect, it } from 'vitest';
import { setTimeZone } from '../../../i18n/format';
import { taskActivityText } from './task-activity-text';

describe('taskActivityText', () => {
  it('names who did what to which task, the due time on the operator clock', () => {
    setTimeZone('Europe/Berlin');
    const now = new Date('2026-03-02T08:00:00Z');
    const by = { id: 'a', name: 'Anna' };
    const task = { id: 't', title: 'Refund' };
    expect(
      taskActivityText(
        {
          type: 'task_created',
          by,
          task,
          assignee: { id: 'm', name: 'Marek' },
          dueAt: '2026-03-03T13:00:00Z',
        },
        now,
      ),
    ).toMatch(/^Anna created the task “Refund” for Marek, due Tomorrow (14:00|02:00\sPM)$/);
    expect(taskActivityText({ type: 'task_done', by, task }, now)).toBe(
      'Anna completed the task “Refund”',
    );
    expect(
      taskActivityText({ type: 'task_due', task, assignee: { id: 'm', name: 'Marek' } }, now),
    ).toBe('The task “Refund” for Marek is due');
    setTimeZone('UTC');
  });
});
