import type { TaskDto } from '@switchboard/contracts';
import { formatFullDateTime, formatUpcoming } from '../../../i18n/format';
import { t, tp } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { openConversation } from '../../conversation/store/conversation-commands';
import { setTaskDone, unlinkTask } from '../store/task-commands';
import { TaskLinkForm } from './task-link-form';
import { useTaskDialogStore } from '../store/task-dialog-store';

function dueText(task: TaskDto, now: Date): string {
  if (task.doneAt) return t('tasks.done_at', { time: formatUpcoming(new Date(task.doneAt), now) });
  const due = new Date(task.dueAt);
  const time = formatUpcoming(due, now);
  return due.getTime() <= now.getTime() ? t('tasks.overdue', { time }) : t('tasks.due', { time });
}

/**
 * One task: title, due time on the operator's clock, assignee, its linked conversations (a click
 * opens one), and its actions (done or reopen, edit).
 */
export function TaskItem({
  task,
  showConversations = true,
}: {
  task: TaskDto;
  showConversations?: boolean;
}) {
  const now = new Date();
  const overdue = !task.doneAt && Date.parse(task.dueAt) <= now.getTime();
  return (
    <li
      className={`task-item${task.doneAt ? ' task-item--done' : ''}${overdue ? ' task-item--overdue' : ''}`}
      data-testid="task-item"
      data-task-id={task.id}
      data-done={task.doneAt ? 'true' : 'false'}
    >
      <div className="task-item__main">
        <span className="task-item__title" dir="auto">
          {task.title}
        </span>
        <span className="task-item__meta">
          <time
            dateTime={task.dueAt}
            title={formatFullDateTime(new Date(task.dueAt))}
            data-testid="task-due"
          >
            {dueText(task, now)}
          </time>
          <span aria-hidden="true">·</span>
          <span>{t('tasks.assignee', { name: task.assignee.name })}</span>
        </span>
        {task.description && (
          <p className="task-item__description" dir="auto">
            {task.description}
          </p>
        )}
        {showConversations && (
          <ul className="task-item__conversations" aria-label={t('tasks.linked')}>
            {task.conversations.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="link-button"
                  data-testid="task-conversation"
                  data-conversation-id={c.id}
                  onClick={() => openConversation(c.id)}
                  title={t('tasks.open_conversation', {
                    number: c.number,
                    name: displayName(c.contactName, t('feed.row.unknown_contact')),
                  })}
                >
                  #{c.number} <bdi>{displayName(c.contactName, t('feed.row.unknown_contact'))}</bdi>
                </button>
                {task.conversations.length + task.hiddenConversationCount > 1 && (
                  <button
                    type="button"
                    className="icon-button task-item__unlink"
                    data-testid="task-unlink"
                    aria-label={t('tasks.link.remove', { number: c.number })}
                    data-tooltip={t('tasks.link.remove', { number: c.number })}
                    onClick={() => void unlinkTask(task.id, c.id)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </li>
            ))}
            {task.hiddenConversationCount > 0 && (
              <li className="task-item__hidden">
                {tp('tasks.hidden_conversations', task.hiddenConversationCount)}
              </li>
            )}
            <li>
              <TaskLinkForm taskId={task.id} />
            </li>
          </ul>
        )}
      </div>
      <div className="task-item__actions">
        {task.doneAt ? (
          <button
            type="button"
            className="button"
            data-testid="task-reopen"
            onClick={() => void setTaskDone(task.id, false)}
          >
            {t('tasks.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            data-testid="task-done"
            onClick={() => void setTaskDone(task.id, true)}
          >
            {t('tasks.mark_done')}
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="task-edit"
          onClick={() => useTaskDialogStore.getState().open({ mode: 'edit', task })}
        >
          {t('tasks.edit')}
        </button>
      </div>
    </li>
  );
}
