import type { MessageTemplateDto } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export const templatesApi = {
  /** The inbox's message templates from the provider (Twilio's Content API), any approval state. */
  list: (inboxId: string, signal?: AbortSignal) =>
    apiRequest<MessageTemplateDto[]>(
      'GET',
      `/api/inboxes/${encodeURIComponent(inboxId)}/templates`,
      { signal },
    ),
};
