import type {
  ConversationDetailDto,
  ConversationSummaryDto,
  MessageDto,
  Page,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const conversationApi = {
  detail: (id: string) => apiRequest<ConversationDetailDto>('GET', base(id)),
  /** Newest first; `nextCursor` points at the older page. */
  messages: (id: string, before: string | null, limit = 50) =>
    apiRequest<Page<MessageDto>>('GET', `${base(id)}/messages`, { query: { before, limit } }),
  close: (id: string) => apiRequest<ConversationSummaryDto>('POST', `${base(id)}/close`),
  reopen: (id: string) => apiRequest<ConversationSummaryDto>('POST', `${base(id)}/reopen`),
  unsnooze: (id: string) => apiRequest<ConversationSummaryDto>('POST', `${base(id)}/unsnooze`),
  snooze: (id: string, until: Date) =>
    apiRequest<ConversationSummaryDto>('POST', `${base(id)}/snooze`, {
      body: { until: until.toISOString() },
    }),
  markRead: (id: string) => apiRequest<ConversationSummaryDto>('POST', `${base(id)}/read`),
  /** "Send again" for a message whose delivery is uncertain (the customer may get it twice). */
  resendMessage: (messageId: string) =>
    apiRequest<MessageDto>('POST', `/api/messages/${encodeURIComponent(messageId)}/resend`),
};
