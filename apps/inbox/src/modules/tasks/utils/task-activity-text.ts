import type { Activity } from '@switchboard/contracts';
import { formatUpcoming } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';

type TaskActivity = Extract<
  Activity,
  {
    type:
      'task_created' | 'task_linked' | 'task_unlinked' | 'task_done' | 'task_reopened' | 'task_due';
  }
>;

/** A task's timeline activity in the operator's language, its due time on their clock. */
export function taskActivityText(activity: TaskActivity, now: Date = new Date()): string {
  const task = activity.task.title;
  switch (activity.type) {
    case 'task_created':
      return t('activity.task_created', {
        actor: activity.by.name,
        task,
        assignee: activity.assignee.name,
        time: formatUpcoming(new Date(activity.dueAt), now),
      });
    case 'task_due':
      return t('activity.task_due', { task, assignee: activity.assignee.name });
    default:
      return t(`activity.${activity.type}`, { actor: activity.by.name, task });
  }
}
