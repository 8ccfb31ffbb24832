import type {
  CreateInboxRequest,
  EmailSyncStatusDto,
  InboxDto,
  UpdateInboxRequest,
  WebchatSnippetDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const inboxPath = (id: string) => `/api/inboxes/${encodeURIComponent(id)}`;

export const inboxesAdminApi = {
  list: () => apiRequest<InboxDto[]>('GET', '/api/inboxes'),
  create: (body: CreateInboxRequest) => apiRequest<InboxDto>('POST', '/api/inboxes', { body }),
  update: (id: string, body: UpdateInboxRequest) =>
    apiRequest<InboxDto>('PATCH', inboxPath(id), { body }),
  /** Disconnects the channel; the inbox's conversations stay. */
  remove: (id: string) => apiRequest<{ removed: true }>('DELETE', inboxPath(id)),
  webchatSnippet: (id: string, signal?: AbortSignal) =>
    apiRequest<WebchatSnippetDto>('GET', `${inboxPath(id)}/webchat/snippet`, { signal }),
  emailSync: (id: string, signal?: AbortSignal) =>
    apiRequest<EmailSyncStatusDto>('GET', `${inboxPath(id)}/email-sync`, { signal }),
};

export type { EmailSyncStatusDto, WebchatSnippetDto };
