import type {
  ContactConversationDto,
  ConversationLinksDto,
  ConversationMoveResultDto,
  ConversationSummaryDto,
  MergeConversationRequest,
  Page,
  SplitConversationRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const base = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

export const conversationMergeApi = {
  /** `source` goes into `targetId`. */
  merge: (targetId: string, body: MergeConversationRequest) =>
    apiRequest<ConversationMoveResultDto>('POST', `${base(targetId)}/merge`, { body }),
  split: (id: string, body: SplitConversationRequest) =>
    apiRequest<ConversationMoveResultDto>('POST', `${base(id)}/split`, { body }),
  links: (id: string) => apiRequest<ConversationLinksDto>('GET', `${base(id)}/links`),
  /** The customer's conversations on every channel (the contacts API). */
  contactConversations: (contactId: string) =>
    apiRequest<Page<ContactConversationDto>>(
      'GET',
      `/api/contacts/${encodeURIComponent(contactId)}/conversations`,
      { query: { limit: 50 } },
    ),
  /** The feed's search by number (`q=#1042`), one status at a time. */
  findByNumber: (number: number, status: 'open' | 'snoozed' | 'closed') =>
    apiRequest<Page<ConversationSummaryDto>>('GET', '/api/conversations', {
      query: { q: `#${number}`, status, limit: 5 },
    }),
};
