import type {
  AssigneeFilter,
  ChannelKind,
  ConversationCountsDto,
  ConversationPriority,
  ConversationStatus,
  ConversationSummaryDto,
  InboxDto,
  Page,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export interface FeedQuery {
  status: ConversationStatus | 'all';
  assignee: AssigneeFilter;
  inboxId: string | null;
  channel: ChannelKind | null;
  q: string | null;
  tags: string[];
  attrs?: string[];
  from: string | null;
  to: string | null;
  sort?: 'priority';
  priorities?: ConversationPriority[];
  automated?: 'hide' | 'only';
}

/** The feed's filters as the API's query: `tags` travel as repeated `tag=`. */
function toQuery({
  tags,
  attrs,
  priorities,
  ...rest
}: Omit<FeedQuery, 'status'> & { status?: FeedQuery['status'] }) {
  return { ...rest, tag: tags, attr: attrs ?? [], priority: priorities ?? [] };
}

export const conversationsApi = {
  list: (query: FeedQuery, cursor: string | null, limit: number, signal?: AbortSignal) =>
    apiRequest<Page<ConversationSummaryDto>>('GET', '/api/conversations', {
      query: { ...toQuery(query), cursor, limit },
      signal,
    }),
  counts: (query: Omit<FeedQuery, 'status'>) =>
    apiRequest<ConversationCountsDto>('GET', '/api/conversations/counts', {
      query: toQuery(query),
    }),
  inboxes: () => apiRequest<InboxDto[]>('GET', '/api/inboxes'),
};
