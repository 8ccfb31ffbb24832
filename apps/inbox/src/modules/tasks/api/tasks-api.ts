import type {
  CreateTaskRequest,
  Page,
  TaskDto,
  TaskView,
  UpdateTaskRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const task = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export const tasksApi = {
  list: (view: TaskView, cursor: string | null) =>
    apiRequest<Page<TaskDto>>('GET', '/api/tasks', { query: { view, cursor } }),
  get: (id: string) => apiRequest<TaskDto>('GET', task(id)),
  ofConversation: (conversationId: string) =>
    apiRequest<TaskDto[]>('GET', `/api/conversations/${encodeURIComponent(conversationId)}/tasks`),
  create: (body: CreateTaskRequest) => apiRequest<TaskDto>('POST', '/api/tasks', { body }),
  update: (id: string, body: UpdateTaskRequest) => apiRequest<TaskDto>('PATCH', task(id), { body }),
  done: (id: string) => apiRequest<TaskDto>('POST', `${task(id)}/done`),
  reopen: (id: string) => apiRequest<TaskDto>('POST', `${task(id)}/reopen`),
};
