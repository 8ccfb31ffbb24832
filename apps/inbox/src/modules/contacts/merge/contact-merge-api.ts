import type {
  ContactMergeDto,
  ContactMergePicks,
  ContactMergePreviewDto,
  ContactMergeSuggestionDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

const contact = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

/** The contact merge endpoints: suggestions, preview, merge, history, undo. */
export const contactMergeApi = {
  suggestions: (id: string) =>
    apiRequest<ContactMergeSuggestionDto[]>('GET', `${contact(id)}/merge-suggestions`),
  preview: (id: string, otherId: string) =>
    apiRequest<ContactMergePreviewDto>('GET', `${contact(id)}/merge-preview`, {
      query: { other: otherId },
    }),
  merge: (id: string, otherId: string, picks: ContactMergePicks) =>
    apiRequest<ContactMergeDto>('POST', `${contact(id)}/merge`, {
      body: { otherId, picks, confirm: true },
    }),
  history: (id: string) => apiRequest<ContactMergeDto[]>('GET', `${contact(id)}/merges`),
  undo: (mergeId: string) =>
    apiRequest<ContactMergeDto>('POST', `/api/contact-merges/${encodeURIComponent(mergeId)}/undo`),
};
