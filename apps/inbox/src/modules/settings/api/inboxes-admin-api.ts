import type {
  CreateInboxRequest,
  EmailSyncStatusDto,
  InboxDto,
  RemoveInboxRequest,
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
  /**
   * Disconnects the channel; the inbox's conversations stay, unless the body asks to delete them
   * (with the inbox's name typed as confirmation).
   */
  remove: (id: string, body?: RemoveInboxRequest) =>
    apiRequest<{ removed: true; historyDeleted: boolean }>('DELETE', inboxPath(id), { body }),
  /** Stops fetching new messages until resumed (pull channels only). */
  pause: (id: string) => apiRequest<InboxDto>('POST', `${inboxPath(id)}/pause`),
  resume: (id: string) => apiRequest<InboxDto>('POST', `${inboxPath(id)}/resume`),
  webchatSnippet: (id: string, signal?: AbortSignal) =>
    apiRequest<WebchatSnippetDto>('GET', `${inboxPath(id)}/webchat/snippet`, { signal }),
  emailSync: (id: string, signal?: AbortSignal) =>
    apiRequest<EmailSyncStatusDto>('GET', `${inboxPath(id)}/email-sync`, { signal }),
};

export type { EmailSyncStatusDto, WebchatSnippetDto };
