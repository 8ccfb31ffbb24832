import type { CreateTaskRequest, TaskDto, UpdateTaskRequest } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { tasksApi } from '../api/tasks-api';
import { useTasksStore } from './tasks-store';
import { errorText } from '../../../shared/api/error-text';

const reason = (error: unknown) => errorText(error);

/** Creates a task; the answer shows at once in the header and the Tasks screen. Throws on refusal. */
export async function createTask(body: CreateTaskRequest): Promise<TaskDto> {
  const task = await tasksApi.create(body);
  useTasksStore.getState().receive(task);
  useToastStore.getState().show(t('tasks.created', { name: task.assignee.name }));
  return task;
}

/** Saves an edit; throws on refusal so the dialog can show the server's reason. */
export async function updateTask(id: string, body: UpdateTaskRequest): Promise<TaskDto> {
  const task = await tasksApi.update(id, body);
  useTasksStore.getState().receive(task);
  return task;
}

/** Marks done or reopens; a refusal is a toast with the reason. */
export async function setTaskDone(id: string, done: boolean): Promise<void> {
  try {
    const task = await (done ? tasksApi.done(id) : tasksApi.reopen(id));
    useTasksStore.getState().receive(task);
  } catch (error) {
    useToastStore.getState().show(t('tasks.change_failed', { message: reason(error) }), 'error');
  }
}

/**
 * Links the task to the conversation with this number ("#1042" or "1042"); throws a message the
 * form shows when there is no such conversation or the server refuses (the assignee may not work
 * its inbox).
 */
export async function linkTaskToNumber(id: string, typed: string): Promise<void> {
  const digits = typed.trim().replace(/^#/, '');
  const num = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isInteger(num)) throw new Error(t('tasks.link.bad_number'));
  const conversation = await tasksApi.conversationByNumber(num);
  if (!conversation) throw new Error(t('tasks.link.not_found', { number: num }));
  useTasksStore.getState().receive(await tasksApi.link(id, conversation.id));
}

/** Unlinks a conversation; a refusal (the last link stays) is a toast with the reason. */
export async function unlinkTask(id: string, conversationId: string): Promise<void> {
  try {
    useTasksStore.getState().receive(await tasksApi.unlink(id, conversationId));
  } catch (error) {
    useToastStore.getState().show(t('tasks.change_failed', { message: reason(error) }), 'error');
  }
}
