import type {
  ConversationSummaryDto,
  MergeTagRequest,
  TagDto,
  UpdateTagRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const conversationTags = (id: string) => `/api/conversations/${encodeURIComponent(id)}/tags`;
const tag = (id: string) => `/api/tags/${encodeURIComponent(id)}`;

export const tagsApi = {
  list: () => apiRequest<TagDto[]>('GET', '/api/tags'),
  /** By name: a tag the account does not have yet is created. */
  add: (conversationId: string, name: string) =>
    apiRequest<ConversationSummaryDto>('POST', conversationTags(conversationId), {
      body: { name },
    }),
  remove: (conversationId: string, tagId: string) =>
    apiRequest<ConversationSummaryDto>(
      'DELETE',
      `${conversationTags(conversationId)}/${encodeURIComponent(tagId)}`,
    ),
  update: (id: string, body: UpdateTagRequest) => apiRequest<TagDto>('PATCH', tag(id), { body }),
  merge: (id: string, body: MergeTagRequest) =>
    apiRequest<TagDto>('POST', `${tag(id)}/merge`, { body }),
  delete: (id: string) => apiRequest<void>('DELETE', tag(id)),
};
