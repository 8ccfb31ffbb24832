import type { CreateInboxRequest, InboxDto, UpdateInboxRequest } from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

/** GET /api/inboxes/:id/webchat/snippet (apps/api webchat-snippet.controller.ts). */
export interface WebchatSnippetDto {
  inboxId: string;
  loaderUrl: string;
  snippet: string;
  /** How a site that knows its user passes a verified identity. */
  identitySnippet: string;
}

/** GET /api/inboxes/:id/email-sync (apps/api email-sync-status.controller.ts). */
export interface EmailSyncStatusDto {
  status: string;
  mailbox: string | null;
  lastUid: number;
  history: { total: number; done: number; completed: boolean };
  lastError: string | null;
  lastErrorAt: string | null;
  lastSyncedAt: string | null;
  log: Array<{
    uid: number | null;
    messageId: string | null;
    action: string;
    reason: string;
    at: string;
  }>;
}

const inboxPath = (id: string) => `/api/inboxes/${encodeURIComponent(id)}`;

export const inboxesAdminApi = {
  list: () => apiRequest<InboxDto[]>('GET', '/api/inboxes'),
  create: (body: CreateInboxRequest) => apiRequest<InboxDto>('POST', '/api/inboxes', { body }),
  update: (id: string, body: UpdateInboxRequest) =>
    apiRequest<InboxDto>('PATCH', inboxPath(id), { body }),
  webchatSnippet: (id: string, signal?: AbortSignal) =>
    apiRequest<WebchatSnippetDto>('GET', `${inboxPath(id)}/webchat/snippet`, { signal }),
  emailSync: (id: string, signal?: AbortSignal) =>
    apiRequest<EmailSyncStatusDto>('GET', `${inboxPath(id)}/email-sync`, { signal }),
};
