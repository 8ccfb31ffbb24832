import type {
  AssigneeFilter,
  ChannelKind,
  ConversationCountsDto,
  ConversationStatus,
  ConversationSummaryDto,
  InboxDto,
  Page,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export interface FeedQuery {
  status: ConversationStatus;
  assignee: AssigneeFilter;
  inboxId: string | null;
  channel: ChannelKind | null;
}

export const conversationsApi = {
  list: (query: FeedQuery, cursor: string | null, limit: number, signal?: AbortSignal) =>
    apiRequest<Page<ConversationSummaryDto>>('GET', '/api/conversations', {
      query: { ...query, cursor, limit },
      signal,
    }),
  counts: (query: Omit<FeedQuery, 'status'>) =>
    apiRequest<ConversationCountsDto>('GET', '/api/conversations/counts', { query: { ...query } }),
  inboxes: () => apiRequest<InboxDto[]>('GET', '/api/inboxes'),
};
