import type {
  ConversationSummaryDto,
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
  link: (id: string, conversationId: string) =>
    apiRequest<TaskDto>('POST', `${task(id)}/conversations/${encodeURIComponent(conversationId)}`),
  unlink: (id: string, conversationId: string) =>
    apiRequest<TaskDto>(
      'DELETE',
      `${task(id)}/conversations/${encodeURIComponent(conversationId)}`,
    ),
  /** The conversation with this number, if the operator may see it (any status, any age). */
  conversationByNumber: async (num: number) => {
    const page = await apiRequest<Page<ConversationSummaryDto>>('GET', '/api/conversations', {
      query: { q: `#${num}`, status: 'all', limit: 1 },
    });
    return page.items.find((c) => c.number === num) ?? null;
  },
};
