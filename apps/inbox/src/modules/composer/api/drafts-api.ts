import type { DraftDto, SaveDraftRequest } from '@switchboard/contracts';
import { apiRequest, sessionHeaders } from '../../../shared/api/http-client';

const pathOf = (conversationId: string) =>
  `/api/conversations/${encodeURIComponent(conversationId)}/draft`;

/** The operator's own reply drafts, kept on the server so they follow them to any device. */
export const draftsApi = {
  get: (conversationId: string) =>
    apiRequest<{ draft: DraftDto | null }>('GET', pathOf(conversationId)),
  save: (conversationId: string, body: SaveDraftRequest) =>
    apiRequest<DraftDto>('PUT', pathOf(conversationId), { body }),
  discard: (conversationId: string) => apiRequest<void>('DELETE', pathOf(conversationId)),
  /** For a page being closed: `keepalive` lets the request outlive the page. */
  saveOnUnload: (conversationId: string, body: SaveDraftRequest) => {
    const empty = body.text.trim() === '';
    void fetch(pathOf(conversationId), {
      method: empty ? 'DELETE' : 'PUT',
      headers: {
        ...sessionHeaders(empty ? 'DELETE' : 'PUT'),
        ...(empty ? {} : { 'Content-Type': 'application/json' }),
      },
      credentials: 'same-origin',
      body: empty ? undefined : JSON.stringify(body),
      keepalive: true,
    }).catch(() => undefined);
  },
};
