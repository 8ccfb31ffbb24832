import { SOON } from './authorization-route-values';
import type { RouteRule } from './authorization-routes';

/** Tasks, the customer card, contacts and their merges: rows of the authorization table. */
export const CUSTOMER_ROUTES: Record<string, RouteRule> = {
  // Tasks: `:id` is filled with a conversation id, which names no task of any account (404).
  'POST /api/tasks': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({
      title: 'Call back',
      assigneeId: ids.operator,
      dueAt: SOON(),
      conversationIds: [ids.conversation],
    }),
  },
  'GET /api/tasks': { access: 'operator' },
  'GET /api/tasks/:id': { access: 'operator', foreign: true },
  'PATCH /api/tasks/:id': { access: 'operator', foreign: true, body: () => ({ title: 'x' }) },
  'POST /api/tasks/:id/done': { access: 'operator', foreign: true },
  'POST /api/tasks/:id/reopen': { access: 'operator', foreign: true },
  'POST /api/tasks/:id/conversations/:conversationId': { access: 'operator', foreign: true },
  'DELETE /api/tasks/:id/conversations/:conversationId': { access: 'operator', foreign: true },
  'GET /api/conversations/:id/tasks': { access: 'operator', foreign: true },
  // The customer card and the Contacts screen: `:id` is a conversation id, no contact (404).
  'GET /api/contacts': { access: 'operator' },
  'POST /api/contacts': { access: 'operator', body: () => ({ name: 'Authz Probe' }) },
  'GET /api/contacts/export': { access: 'admin' },
  'POST /api/contacts/import': { access: 'admin' },
  'GET /api/contacts/:id': { access: 'operator', foreign: true },
  'PATCH /api/contacts/:id': { access: 'operator', foreign: true, body: () => ({ notes: 'x' }) },
  'GET /api/contacts/:id/conversations': { access: 'operator', foreign: true },
  'GET /api/contact-attributes': { access: 'operator' },
  'POST /api/contact-attributes': {
    access: 'admin',
    body: () => ({ key: 'authz_probe', label: 'Probe', type: 'text' }),
  },
  'PATCH /api/contact-attributes/:id': {
    access: 'admin',
    foreign: true,
    body: () => ({ label: 'Renamed' }),
  },
  'DELETE /api/contact-attributes/:id': { access: 'admin', foreign: true },
  // Contact merges: `:id` is filled with a conversation id, which names no contact (404).
  'GET /api/contacts/:id/merge-suggestions': { access: 'operator', foreign: true },
  'GET /api/contacts/:id/merge-preview': { access: 'operator', foreign: true },
  'POST /api/contacts/:id/merge': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({ otherId: ids.message, confirm: true }),
  },
  'GET /api/contacts/:id/merges': { access: 'operator', foreign: true },
  'POST /api/contact-merges/:id/undo': { access: 'admin', foreign: true },
  'GET /api/canned-replies': { access: 'operator' },
};
