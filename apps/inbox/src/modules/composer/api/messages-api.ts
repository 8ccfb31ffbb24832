import type { MessageDto, SendMessageRequest } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const messagesApi = {
  send: (conversationId: string, body: SendMessageRequest) =>
    apiRequest<MessageDto>(
      'POST',
      `/api/conversations/${encodeURIComponent(conversationId)}/messages`,
      { body },
    ),
  retry: (messageId: string) =>
    apiRequest<MessageDto>('POST', `/api/messages/${encodeURIComponent(messageId)}/retry`),
};
