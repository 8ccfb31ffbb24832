import type { ConversationPriority, ConversationSummaryDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const priorityApi = {
  set: (conversationId: string, priority: ConversationPriority) =>
    apiRequest<ConversationSummaryDto>(
      'PATCH',
      `/api/conversations/${encodeURIComponent(conversationId)}/priority`,
      { body: { priority } },
    ),
};
