import type {
  MarkNotificationsReadRequest,
  NotificationCountDto,
  NotificationItemDto,
  Page,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const notificationsApi = {
  list: (cursor: string | null, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: '30' });
    if (cursor) params.set('cursor', cursor);
    return apiRequest<Page<NotificationItemDto>>('GET', `/api/notifications?${params}`, { signal });
  },
  count: () => apiRequest<NotificationCountDto>('GET', '/api/notifications/unread-count'),
  markRead: (body: MarkNotificationsReadRequest) =>
    apiRequest<NotificationCountDto>('POST', '/api/notifications/read', { body }),
};
