import type { BusinessHours, InboxBusinessHoursDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const path = (inboxId: string) => `/api/inboxes/${encodeURIComponent(inboxId)}/business-hours`;

export const businessHoursApi = {
  get: (inboxId: string) => apiRequest<InboxBusinessHoursDto>('GET', path(inboxId)),
  set: (inboxId: string, businessHours: BusinessHours | null) =>
    apiRequest<InboxBusinessHoursDto>('PUT', path(inboxId), { body: { businessHours } }),
};
