import type {
  HelpCentreBrandingDto,
  HelpCentreBrandingRequest,
  ViewedArticlesDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const helpCentreApi = {
  /** Articles the customer read in the chat widget before this conversation started. */
  viewedBefore: (conversationId: string) =>
    apiRequest<ViewedArticlesDto>(
      'GET',
      `/api/conversations/${encodeURIComponent(conversationId)}/viewed-articles`,
    ),
  branding: () => apiRequest<HelpCentreBrandingDto>('GET', '/api/help-centre/branding'),
  saveBranding: (body: HelpCentreBrandingRequest) =>
    apiRequest<HelpCentreBrandingDto>('PUT', '/api/help-centre/branding', { body }),
};
