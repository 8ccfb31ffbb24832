import type {
  ConversationCsatEnvelopeDto,
  CsatSettingsDto,
  CsatSettingsInput,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const settings = (inboxId: string) => `/api/inboxes/${encodeURIComponent(inboxId)}/csat-settings`;

export const csatApi = {
  settings: (inboxId: string) => apiRequest<CsatSettingsDto>('GET', settings(inboxId)),
  saveSettings: (inboxId: string, body: CsatSettingsInput) =>
    apiRequest<CsatSettingsDto>('PUT', settings(inboxId), { body }),
  ofConversation: (conversationId: string) =>
    apiRequest<ConversationCsatEnvelopeDto>(
      'GET',
      `/api/conversations/${encodeURIComponent(conversationId)}/csat`,
    ),
};
