import type {
  ContactAttributeDto,
  ContactConversationDto,
  ContactDto,
  ContactImportResultDto,
  ContactListItemDto,
  CreateContactAttributeRequest,
  CreateContactRequest,
  Page,
  UpdateContactRequest,
} from '@switchboard/contracts';
import {
  ApiError,
  apiRequest,
  sessionHeaders,
  sessionRejected,
} from '../../../shared/api/http-client';

const contact = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;
const attribute = (id: string) => `/api/contact-attributes/${encodeURIComponent(id)}`;

export const contactsApi = {
  list: (q: string, cursor: string | null, limit = 30) =>
    apiRequest<Page<ContactListItemDto>>('GET', '/api/contacts', { query: { q, cursor, limit } }),
  card: (id: string) => apiRequest<ContactDto>('GET', contact(id)),
  conversations: (id: string, cursor: string | null, limit = 10) =>
    apiRequest<Page<ContactConversationDto>>('GET', `${contact(id)}/conversations`, {
      query: { cursor, limit },
    }),
  create: (body: CreateContactRequest) => apiRequest<ContactDto>('POST', '/api/contacts', { body }),
  update: (id: string, body: UpdateContactRequest) =>
    apiRequest<ContactDto>('PATCH', contact(id), { body }),
  /** The export is a file download: the browser fetches it with the session cookie. */
  exportUrl: '/api/contacts/export',
  /** Sends the file's text as text/csv (all rows or none; refused rows come back in `details`). */
  async importCsv(text: string): Promise<ContactImportResultDto> {
    const response = await fetch('/api/contacts/import', {
      method: 'POST',
      headers: {
        'Content-Type': 'text/csv',
        Accept: 'application/json',
        ...sessionHeaders('POST'),
      },
      credentials: 'same-origin',
      body: text,
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return body as ContactImportResultDto;
    if (response.status === 401) sessionRejected();
    const error = (body ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? response.statusText,
      error.details,
    );
  },
  attributes: () => apiRequest<ContactAttributeDto[]>('GET', '/api/contact-attributes'),
  createAttribute: (body: CreateContactAttributeRequest) =>
    apiRequest<ContactAttributeDto>('POST', '/api/contact-attributes', { body }),
  deleteAttribute: (id: string) => apiRequest<void>('DELETE', attribute(id)),
};
