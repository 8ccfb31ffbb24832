import type {
  CreateSavedViewRequest,
  SavedViewCountsDto,
  SavedViewDto,
  UpdateSavedViewRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const savedViewsApi = {
  list: () => apiRequest<SavedViewDto[]>('GET', '/api/views'),
  counts: () => apiRequest<SavedViewCountsDto>('GET', '/api/views/counts'),
  create: (body: CreateSavedViewRequest) =>
    apiRequest<SavedViewDto>('POST', '/api/views', { body }),
  update: (id: string, body: UpdateSavedViewRequest) =>
    apiRequest<SavedViewDto>('PATCH', `/api/views/${encodeURIComponent(id)}`, { body }),
  remove: (id: string) => apiRequest<void>('DELETE', `/api/views/${encodeURIComponent(id)}`),
};
