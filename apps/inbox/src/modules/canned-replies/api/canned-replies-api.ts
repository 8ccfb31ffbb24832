import type {
  CannedReplyDto,
  CreateCannedReplyRequest,
  RenderedCannedReplyDto,
  UpdateCannedReplyRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const cannedRepliesApi = {
  list: (signal?: AbortSignal) =>
    apiRequest<CannedReplyDto[]>('GET', '/api/canned-replies', { signal }),
  create: (body: CreateCannedReplyRequest) =>
    apiRequest<CannedReplyDto>('POST', '/api/canned-replies', { body }),
  update: (id: string, body: UpdateCannedReplyRequest) =>
    apiRequest<CannedReplyDto>('PATCH', `/api/canned-replies/${id}`, { body }),
  remove: (id: string) => apiRequest<void>('DELETE', `/api/canned-replies/${id}`),
  render: (id: string, conversationId: string) =>
    apiRequest<RenderedCannedReplyDto>('POST', `/api/canned-replies/${id}/render`, {
      body: { conversationId },
    }),
};
