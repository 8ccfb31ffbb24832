import { openTaskSummary, type ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { formatUpcoming } from '../../../i18n/format';
import { t, tp } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useTaskDialogStore } from '../store/task-dialog-store';
import { useTasksStore } from '../store/tasks-store';
import { TaskItem } from './task-item';
import '../tasks.css';

/**
 * The conversation header's tasks: a badge ("2 open tasks · next due 14:00") that opens the
 * conversation's task list, and "Create task" for the conversation. Kept live by `task.changed`.
 */
export function ConversationTasks({ conversation }: { conversation: ConversationSummaryDto }) {
  const tasks = useTasksStore((s) => s.byConversation[conversation.id]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    setOpen(false);
    void useTasksStore.getState().loadConversation(conversation.id);
  }, [conversation.id]);

  const summary = openTaskSummary(tasks ?? []);
  const next = summary.nextDueAt ? new Date(summary.nextDueAt) : null;
  const overdue = next !== null && next.getTime() <= Date.now();
  const label =
    summary.open > 0 && next
      ? `${tp('tasks.badge', summary.open)} · ${t(overdue ? 'tasks.badge_overdue' : 'tasks.badge_next', { time: formatUpcoming(next) })}`
      : t('tasks.badge_none');

  return (
    <div className="conversation-tasks">
      {(tasks?.length ?? 0) > 0 && (
        <button
          type="button"
          className={`task-badge${summary.open > 0 ? ' task-badge--open' : ''}${overdue ? ' task-badge--overdue' : ''}`}
          data-testid="conversation-task-badge"
          data-open-count={summary.open}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <Icon name="task" size={14} />
          {label}
        </button>
      )}
      <button
        type="button"
        className="link-button conversation-tasks__create"
        data-testid="action-create-task"
        onClick={() =>
          useTaskDialogStore
            .getState()
            .open({ mode: 'create', conversationId: conversation.id, messageId: null, title: '' })
        }
      >
        {t('tasks.create')}
      </button>
      {open && tasks && (
        <div
          className="conversation-tasks__popover"
          role="region"
          aria-label={t('tasks.conversation_list')}
        >
          <ul className="task-list" data-testid="conversation-task-list">
            {tasks.map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
