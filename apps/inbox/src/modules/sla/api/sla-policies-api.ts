import type {
  CreateSlaPolicyRequest,
  SlaPolicyDto,
  UpdateSlaPolicyRequest,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const slaPoliciesApi = {
  list: () => apiRequest<SlaPolicyDto[]>('GET', '/api/sla-policies'),
  create: (body: CreateSlaPolicyRequest) =>
    apiRequest<SlaPolicyDto>('POST', '/api/sla-policies', { body }),
  update: (id: string, body: UpdateSlaPolicyRequest) =>
    apiRequest<SlaPolicyDto>('PATCH', `/api/sla-policies/${encodeURIComponent(id)}`, { body }),
  remove: (id: string) => apiRequest<void>('DELETE', `/api/sla-policies/${encodeURIComponent(id)}`),
};
