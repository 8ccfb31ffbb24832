import type { RouteRule } from './authorization-routes';

/** The knowledge base's rows of the authorization table: operators' editing, the public help centre. */
export const KNOWLEDGE_BASE_ROUTES: Record<string, RouteRule> = {
  // Knowledge base: everyone reads and drafts; admins publish, delete and arrange categories.
  'GET /api/kb/categories': { access: 'operator' },
  'POST /api/kb/categories': {
    access: 'admin',
    body: () => ({ slug: 'billing', names: { en: 'Billing' } }),
  },
  'POST /api/kb/categories/reorder': {
    access: 'admin',
    body: (ids) => ({ ids: [ids.conversation] }),
  },
  'PUT /api/kb/categories/:id': {
    access: 'admin',
    foreign: true,
    body: () => ({ slug: 'billing', names: { en: 'Billing' } }),
  },
  'DELETE /api/kb/categories/:id': { access: 'admin', foreign: true },
  'GET /api/kb/articles': { access: 'operator' },
  'GET /api/kb/search': { access: 'operator' },
  'POST /api/kb/articles': { access: 'operator', body: () => ({}) },
  'POST /api/kb/articles/from-message': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({ messageId: ids.message }),
  },
  'GET /api/kb/articles/:id': { access: 'operator', foreign: true },
  'PATCH /api/kb/articles/:id': { access: 'operator', foreign: true, body: () => ({}) },
  'DELETE /api/kb/articles/:id': { access: 'admin', foreign: true },
  'PUT /api/kb/articles/:id/versions/:locale': {
    access: 'operator',
    foreign: true,
    body: () => ({ title: 'Refunds', bodyHtml: '<p>How refunds work</p>' }),
  },
  'DELETE /api/kb/articles/:id/versions/:locale': { access: 'admin', foreign: true },
  'POST /api/kb/articles/:id/versions/:locale/publish': { access: 'admin', foreign: true },
  'POST /api/kb/articles/:id/versions/:locale/unpublish': { access: 'admin', foreign: true },
  // The public help centre (server-rendered pages, outside /api) and the widget's articles.
  'GET /help': { access: 'public' },
  'GET /help/sitemap.xml': { access: 'public' },
  'GET /help/:locale': { access: 'public' },
  'GET /help/:locale/search': { access: 'public' },
  'GET /help/:locale/c/:slug': { access: 'public' },
  'GET /help/:locale/:slug': { access: 'public' },
  'POST /help/:locale/:slug/feedback': { access: 'public' },
  'GET /help/files/:fileId/:filename': { access: 'public' },
  'GET /api/widget/:inboxId/articles': { access: 'public' },
  'GET /api/widget/:inboxId/articles/:versionId': { access: 'public' },
  'GET /api/conversations/:id/viewed-articles': { access: 'operator', foreign: true },
  'GET /api/help-centre/branding': { access: 'operator' },
  'PUT /api/help-centre/branding': {
    access: 'admin',
    body: () => ({ logoUrl: null, color: '#0f766e' }),
  },
};
