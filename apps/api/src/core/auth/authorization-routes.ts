// The authorization test's table: every REST route the server has, who may call it, and a body it
// accepts. Kept apart from the test so the table can grow route by route.

import { SOON } from './authorization-route-values';
import { CUSTOMER_ROUTES } from './customer-authorization-routes';
import { KNOWLEDGE_BASE_ROUTES } from './knowledge-base-authorization-routes';
import { PORTAL_ROUTES } from './portal-authorization-routes';

/** `portal`: a customer's portal session (modules/portal); without one, 401. */
type Access = 'public' | 'operator' | 'admin' | 'portal';

export interface RouteRule {
  access: Access;
  /** A body the route accepts, so validation never answers before authorization. */
  body?: (ids: Ids) => unknown;
  /** Names another account's resource: an operator of a different account gets 404. */
  foreign?: boolean;
  /** Names a customer's resource: another contact's portal session gets 404 (portal spec). */
  portalForeign?: boolean;
}

export interface Ids {
  conversation: string;
  message: string;
  inbox: string;
  file: string;
  operator: string;
}

/**
 * Every route the server has, and who may call it. A new route must be added here, so nobody can
 * ship one without deciding its access (the first test fails until then).
 */
export const ROUTES: Record<string, RouteRule> = {
  'POST /api/auth/login': { access: 'public' },
  'GET /api/auth/session': { access: 'operator' },
  'POST /api/auth/logout': { access: 'operator' },
  'POST /api/auth/password': { access: 'operator' },
  'GET /api/auth/me': { access: 'operator' },
  'GET /api/health': { access: 'public' },
  'POST /api/webhooks/:inboxId': { access: 'public' },
  'GET /api/widget-demo': { access: 'public' },
  'POST /api/widget/:inboxId/session': { access: 'public' },
  'GET /api/widget/:inboxId/messages': { access: 'public' },
  'POST /api/widget/:inboxId/messages': { access: 'public' },
  'POST /api/widget/:inboxId/attachments': { access: 'public' },
  'GET /api/widget/:inboxId/attachments/:fileId': { access: 'public' },
  'POST /api/widget/:inboxId/contact': { access: 'public' },
  'GET /api/widget/:inboxId/contact/confirm': { access: 'public' },
  'POST /api/widget/:inboxId/contact/confirm': { access: 'public' },
  'GET /api/widget/:inboxId/csat': { access: 'public' },
  'POST /api/widget/:inboxId/csat/:surveyId': { access: 'public' },
  'GET /api/csat/:token': { access: 'public' },
  'POST /api/csat/:token': { access: 'public' },
  'GET /api/conversations/:id/csat': { access: 'operator', foreign: true },
  'GET /api/inboxes/:id/csat-settings': { access: 'operator', foreign: true },
  'PUT /api/inboxes/:id/csat-settings': {
    access: 'admin',
    foreign: true,
    body: () => ({
      enabled: false,
      delayMinutes: 0,
      question: 'How did we do?',
      scale: 'csat',
      commentEnabled: true,
      quietDays: 30,
    }),
  },
  'GET /api/conversations': { access: 'operator' },
  'GET /api/conversations/counts': { access: 'operator' },
  'GET /api/conversations/:id': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/close': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/reopen': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/snooze': {
    access: 'operator',
    foreign: true,
    body: () => ({ until: SOON() }),
  },
  'POST /api/conversations/:id/unsnooze': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/assign': {
    access: 'operator',
    foreign: true,
    body: () => ({ assigneeId: null }),
  },
  'POST /api/conversations/:id/read': { access: 'operator', foreign: true },
  'POST /api/conversations/assign': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({ conversationIds: [ids.conversation], assigneeId: null }),
  },
  'GET /api/conversations/:id/participants': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/follow': { access: 'operator', foreign: true },
  'DELETE /api/conversations/:id/follow': { access: 'operator', foreign: true },
  'GET /api/conversations/:id/messages': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/messages': {
    access: 'operator',
    foreign: true,
    body: () => ({ text: 'hello', kind: 'note' }),
  },
  'GET /api/conversations/:id/draft': { access: 'operator', foreign: true },
  'PUT /api/conversations/:id/draft': {
    access: 'operator',
    foreign: true,
    body: () => ({ text: 'draft', mode: 'reply' }),
  },
  'DELETE /api/conversations/:id/draft': { access: 'operator', foreign: true },
  'GET /api/conversations/:id/email-reply': { access: 'operator', foreign: true },
  'POST /api/messages/:id/retry': { access: 'operator', foreign: true },
  'POST /api/messages/:id/resend': { access: 'operator', foreign: true },
  'POST /api/messages/:id/undo-send': { access: 'operator', foreign: true },
  'GET /api/operators': { access: 'operator' },
  'PATCH /api/operators/me': { access: 'operator', body: () => ({ presence: 'online' }) },
  'GET /api/operators/me/signature': { access: 'operator' },
  'GET /api/operators/me/undo-send': { access: 'operator' },
  'PUT /api/operators/me/undo-send': { access: 'operator', body: () => ({ seconds: 5 }) },
  'PUT /api/operators/me/signature': { access: 'operator', body: () => ({ signature: '' }) },
  'PATCH /api/operators/:id/role': {
    access: 'admin',
    foreign: true,
    body: () => ({ role: 'agent' }),
  },
  'POST /api/operators/:id/deactivate': { access: 'admin', foreign: true },
  'POST /api/operators/:id/reactivate': { access: 'admin', foreign: true },
  'POST /api/invitations': { access: 'admin', body: () => ({ email: 'new@example.test' }) },
  'POST /api/invitations/preview': { access: 'public' },
  'POST /api/invitations/accept': { access: 'public' },
  'GET /api/inboxes': { access: 'operator' },
  'POST /api/inboxes': {
    access: 'admin',
    body: () => ({ kind: 'api', name: 'New', secrets: { signingSecret: 'x'.repeat(32) } }),
  },
  'GET /api/inboxes/:id': { access: 'operator', foreign: true },
  'PATCH /api/inboxes/:id': { access: 'admin', foreign: true, body: () => ({ name: 'Renamed' }) },
  'DELETE /api/inboxes/:id': { access: 'admin', foreign: true },
  'POST /api/inboxes/:id/pause': { access: 'admin', foreign: true },
  'POST /api/inboxes/:id/resume': { access: 'admin', foreign: true },
  'GET /api/inboxes/:id/templates': { access: 'operator', foreign: true },
  'GET /api/inboxes/:id/webchat/snippet': { access: 'operator', foreign: true },
  'GET /api/inboxes/:id/email-sync': { access: 'operator', foreign: true },
  'POST /api/email-oauth/authorizations': {
    access: 'admin',
    foreign: true,
    body: (ids) => ({ provider: 'google', inboxId: ids.inbox }),
  },
  'POST /api/email-oauth/callback': {
    access: 'admin',
    body: () => ({ state: 'not-a-state', code: 'not-a-code' }),
  },
  // Teams and inbox access (modules/access): everyone reads teams, admins change them.
  'GET /api/teams': { access: 'operator' },
  'POST /api/teams': { access: 'admin', body: () => ({ name: 'Support' }) },
  'PATCH /api/teams/:id': { access: 'admin', foreign: true, body: () => ({ name: 'Renamed' }) },
  'DELETE /api/teams/:id': { access: 'admin', foreign: true },
  'PUT /api/teams/:id/members': {
    access: 'admin',
    foreign: true,
    body: () => ({ operatorIds: [] }),
  },
  // Fair routing (modules/routing): everyone reads, admins change a team's setting.
  'GET /api/routing/teams': { access: 'operator' },
  'PUT /api/routing/teams/:id': {
    access: 'admin',
    foreign: true,
    body: () => ({ roundRobin: false, maxOpenPerOperator: 5 }),
  },
  'GET /api/routing/queue': { access: 'operator' },
  'GET /api/routing/operators': { access: 'operator' },
  'POST /api/routing/hand-back': { access: 'operator' },
  'GET /api/inboxes/:id/access': { access: 'admin', foreign: true },
  'PUT /api/inboxes/:id/access': {
    access: 'admin',
    foreign: true,
    body: () => ({ operatorIds: [], teamIds: [] }),
  },
  'POST /api/files': { access: 'operator' },
  'POST /api/files/:id/link': { access: 'operator', foreign: true },
  'GET /api/files/:id/:filename': { access: 'operator', foreign: true },
  'GET /api/audit-log': { access: 'admin' },
  'GET /api/tags': { access: 'operator' },
  'PATCH /api/tags/:id': { access: 'admin', foreign: true, body: () => ({ color: 'red' }) },
  'POST /api/tags/:id/merge': {
    access: 'admin',
    foreign: true,
    body: (ids) => ({ targetId: ids.conversation }),
  },
  'DELETE /api/tags/:id': { access: 'admin', foreign: true },
  'POST /api/conversations/:id/tags': {
    access: 'operator',
    foreign: true,
    body: () => ({ name: 'billing' }),
  },
  'DELETE /api/conversations/:id/tags/:tagId': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/merge': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({ sourceId: ids.conversation }),
  },
  'POST /api/conversations/:id/split': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({ messageId: ids.message, withFollowing: false }),
  },
  'GET /api/conversations/:id/links': { access: 'operator', foreign: true },
  ...CUSTOMER_ROUTES,
  // Agents create personal replies; a shared one is refused 403 (canned-replies.integration-spec).
  'POST /api/canned-replies': {
    access: 'operator',
    body: () => ({ title: 'Hi', shortcut: 'hi', body: 'Hello' }),
  },
  'PATCH /api/canned-replies/:id': {
    access: 'operator',
    foreign: true,
    body: () => ({ title: 'Renamed' }),
  },
  'DELETE /api/canned-replies/:id': { access: 'operator', foreign: true },
  'POST /api/canned-replies/:id/render': {
    access: 'operator',
    foreign: true,
    body: (ids) => ({ conversationId: ids.conversation }),
  },
  // Saved views: anyone keeps their own; another account's (or colleague's personal) view is 404.
  'GET /api/views': { access: 'operator' },
  'GET /api/views/counts': { access: 'operator' },
  'POST /api/views': {
    access: 'operator',
    body: () => ({ name: 'Unassigned', query: { assignee: 'unassigned' } }),
  },
  'PATCH /api/views/:id': { access: 'operator', foreign: true, body: () => ({ name: 'Renamed' }) },
  'DELETE /api/views/:id': { access: 'operator', foreign: true },
  // Priorities and SLAs: anyone who may work a conversation sets its priority; admins edit
  // schedules and policies, which every operator may read.
  'PATCH /api/conversations/:id/priority': {
    access: 'operator',
    foreign: true,
    body: () => ({ priority: 'high' }),
  },
  'GET /api/inboxes/:id/business-hours': { access: 'operator', foreign: true },
  'PUT /api/inboxes/:id/business-hours': {
    access: 'admin',
    foreign: true,
    body: () => ({ businessHours: null }),
  },
  'GET /api/sla-policies': { access: 'operator' },
  'POST /api/sla-policies': {
    access: 'admin',
    body: (ids) => ({ inboxId: ids.inbox, resolutionMinutes: 60 }),
  },
  'PATCH /api/sla-policies/:id': {
    access: 'admin',
    foreign: true,
    body: () => ({ resolutionMinutes: 60 }),
  },
  'DELETE /api/sla-policies/:id': { access: 'admin', foreign: true },
  // Reports (modules/reports): admins only; the account's timezone is read by everyone.
  'GET /api/reports': { access: 'admin' },
  'GET /api/reports/export': { access: 'admin' },
  'GET /api/reports/now': { access: 'admin' },
  'GET /api/account': { access: 'operator' },
  'PATCH /api/account': { access: 'admin', body: () => ({ timezone: 'Europe/Berlin' }) },
  // Automation rules: every operator reads them and the log; admins change and test them.
  'GET /api/automation/rules': { access: 'operator' },
  'POST /api/automation/rules': {
    access: 'admin',
    body: () => ({
      name: 'Authz probe',
      enabled: false,
      trigger: { kind: 'event', event: 'message_received' },
      actions: [{ type: 'add_tags', tags: ['probe'] }],
    }),
  },
  'PUT /api/automation/rules/order': { access: 'admin', body: () => ({ ids: [] }) },
  'POST /api/automation/rules/test': {
    access: 'admin',
    foreign: true,
    body: (ids) => ({
      conversationId: ids.conversation,
      rule: {
        name: 'Authz probe',
        trigger: { kind: 'event', event: 'message_received' },
        actions: [{ type: 'add_tags', tags: ['probe'] }],
      },
    }),
  },
  'GET /api/automation/rules/:id': { access: 'operator', foreign: true },
  'PATCH /api/automation/rules/:id': {
    access: 'admin',
    foreign: true,
    body: () => ({ enabled: false }),
  },
  'DELETE /api/automation/rules/:id': { access: 'admin', foreign: true },
  'GET /api/automation/runs': { access: 'operator' },
  'GET /api/notifications': { access: 'operator' },
  'GET /api/notifications/unread-count': { access: 'operator' },
  'POST /api/notifications/read': { access: 'operator', body: () => ({ all: true }) },
  // Outgoing webhooks: admins only; another account's subscription or delivery is 404.
  'GET /api/webhook-subscriptions': { access: 'admin' },
  'POST /api/webhook-subscriptions': {
    access: 'admin',
    body: () => ({ url: 'https://example.com/hooks', eventTypes: ['message.created'] }),
  },
  'GET /api/webhook-subscriptions/:id': { access: 'admin', foreign: true },
  'PATCH /api/webhook-subscriptions/:id': {
    access: 'admin',
    foreign: true,
    body: () => ({ enabled: false }),
  },
  'DELETE /api/webhook-subscriptions/:id': { access: 'admin', foreign: true },
  'POST /api/webhook-subscriptions/:id/rotate-secret': { access: 'admin', foreign: true },
  'GET /api/webhook-subscriptions/:id/deliveries': { access: 'admin', foreign: true },
  'POST /api/webhook-deliveries/:id/resend': { access: 'admin', foreign: true },
  'GET /api/rule-webhooks/deliveries': { access: 'admin' },
  // Time tracking: anyone who may see the conversation; rates are set and the report read by admins.
  'GET /api/conversations/:id/time': { access: 'operator', foreign: true },
  'POST /api/conversations/:id/time/heartbeat': {
    access: 'operator',
    foreign: true,
    body: () => ({ seconds: 5 }),
  },
  'POST /api/conversations/:id/time/adjustments': {
    access: 'operator',
    foreign: true,
    body: () => ({ seconds: 60, reason: 'phone call' }),
  },
  'GET /api/inboxes/:id/time-rate': { access: 'operator', foreign: true },
  'PUT /api/inboxes/:id/time-rate': {
    access: 'admin',
    foreign: true,
    body: () => ({ hourlyRate: 40, currency: 'EUR' }),
  },
  'GET /api/reports/time': { access: 'admin' },
  'GET /api/rule-webhooks/secret': { access: 'admin' },
  'POST /api/rule-webhooks/rotate-secret': { access: 'admin' },
  ...KNOWLEDGE_BASE_ROUTES,
  ...PORTAL_ROUTES,
};

/** The route's path with real ids in place of its parameters. */
export function pathFor(route: string, ids: Ids): { method: string; path: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern
    .replace(':inboxId', ids.inbox)
    .replace(':fileId', ids.file)
    .replace(':tagId', ids.operator)
    .replace(':filename', 'a.png')
    .replace(':locale', 'en')
    .replace(
      ':id',
      pattern.startsWith('/api/messages')
        ? ids.message
        : pattern.startsWith('/api/inboxes')
          ? ids.inbox
          : pattern.startsWith('/api/files')
            ? ids.file
            : ids.conversation,
    );
  return { method, path };
}
