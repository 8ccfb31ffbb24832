import type { RouteRule } from './authorization-routes';

/**
 * The customer portal's rows of the authorization table (modules/portal): sign-in is public; the
 * rest needs a portal session (none → 401), and another contact's request or file is 404
 * (`portalForeign`, run by modules/portal/portal.integration-spec.ts).
 */
export const PORTAL_ROUTES: Record<string, RouteRule> = {
  'GET /portal/:accountId/sign-in': { access: 'public' },
  'POST /portal/:accountId/sign-in': { access: 'public' },
  'GET /portal/link/:token': { access: 'public' },
  'POST /portal/link/:token': { access: 'public' },
  'GET /portal/requests': { access: 'portal' },
  'GET /portal/requests/:id': { access: 'portal', portalForeign: true },
  'POST /portal/requests/:id/replies': {
    access: 'portal',
    portalForeign: true,
    body: () => ({ text: 'hello' }),
  },
  'GET /portal/files/:fileId/:filename': { access: 'portal', portalForeign: true },
  'POST /portal/sign-out': { access: 'portal' },
  'GET /portal/new': { access: 'portal' },
  // The widget's hand-off: the visitor token is the credential (as on every /api/widget route).
  'POST /api/widget/:inboxId/portal-link': { access: 'public' },
  'POST /portal/new': { access: 'portal', body: () => ({ subject: 'Help', text: 'hello' }) },
  // Where New requests go (an account setting): everyone reads it, admins change it.
  'GET /api/portal-settings': { access: 'operator' },
  'PUT /api/portal-settings': { access: 'admin', body: () => ({ targetInboxId: null }) },
};
