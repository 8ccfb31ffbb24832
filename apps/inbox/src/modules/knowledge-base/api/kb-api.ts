import type {
  KbArticleDto,
  KbArticleListItemDto,
  KbArticleStatus,
  KbArticleVersionRequest,
  KbCategoryDto,
  KbCategoryRequest,
  KbLocale,
  KbSearchHitDto,
} from '@switchboard/contracts';
import { apiRequest } from '../../../shared/api/http-client';

export interface KbListFilter {
  q?: string;
  status?: KbArticleStatus;
  locale?: KbLocale;
  categoryId?: string;
}

const article = (id: string) => `/api/kb/articles/${encodeURIComponent(id)}`;
const version = (id: string, locale: KbLocale) => `${article(id)}/versions/${locale}`;

/** The knowledge base's REST API (apps/api/src/modules/knowledge-base). */
export const kbApi = {
  list: (filter: KbListFilter, signal?: AbortSignal) =>
    apiRequest<KbArticleListItemDto[]>('GET', '/api/kb/articles', {
      query: { ...filter },
      signal,
    }),
  search: (q: string, signal?: AbortSignal) =>
    apiRequest<KbSearchHitDto[]>('GET', '/api/kb/search', {
      query: { q, status: 'published', limit: 8 },
      signal,
    }),
  get: (id: string) => apiRequest<KbArticleDto>('GET', article(id)),
  create: (categoryId: string | null) =>
    apiRequest<KbArticleDto>('POST', '/api/kb/articles', { body: { categoryId } }),
  setCategory: (id: string, categoryId: string | null) =>
    apiRequest<KbArticleDto>('PATCH', article(id), { body: { categoryId } }),
  remove: (id: string) => apiRequest<void>('DELETE', article(id)),
  putVersion: (id: string, locale: KbLocale, body: KbArticleVersionRequest) =>
    apiRequest<KbArticleDto>('PUT', version(id, locale), { body }),
  publish: (id: string, locale: KbLocale) =>
    apiRequest<KbArticleDto>('POST', `${version(id, locale)}/publish`),
  unpublish: (id: string, locale: KbLocale) =>
    apiRequest<KbArticleDto>('POST', `${version(id, locale)}/unpublish`),
  fromMessage: (messageId: string, locale: KbLocale) =>
    apiRequest<KbArticleDto>('POST', '/api/kb/articles/from-message', {
      body: { messageId, locale },
    }),
  categories: () => apiRequest<KbCategoryDto[]>('GET', '/api/kb/categories'),
  createCategory: (body: KbCategoryRequest) =>
    apiRequest<KbCategoryDto>('POST', '/api/kb/categories', { body }),
  updateCategory: (id: string, body: KbCategoryRequest) =>
    apiRequest<KbCategoryDto>('PUT', `/api/kb/categories/${encodeURIComponent(id)}`, { body }),
  removeCategory: (id: string) =>
    apiRequest<void>('DELETE', `/api/kb/categories/${encodeURIComponent(id)}`),
  reorderCategories: (ids: string[]) =>
    apiRequest<KbCategoryDto[]>('POST', '/api/kb/categories/reorder', { body: { ids } }),
};
