import type { PortalSettingsDto, UpdatePortalSettingsRequest } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const portalSettingsApi = {
  get: () => apiRequest<PortalSettingsDto>('GET', '/api/portal-settings'),
  save: (body: UpdatePortalSettingsRequest) =>
    apiRequest<PortalSettingsDto>('PUT', '/api/portal-settings', { body }),
};
