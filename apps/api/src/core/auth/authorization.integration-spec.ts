import type { ConversationSummaryDto, InboxDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { io } from 'socket.io-client';
import { addColleagues } from '../../modules/accounts/testing/colleagues';

type Access = 'public' | 'operator' | 'admin';

interface RouteRule {
  access: Access;
  /** A body the route accepts, so validation never answers before authorization. */
  body?: (ids: Ids) => unknown;
  /** Names another account's resource: an operator of a different account gets 404. */
  foreign?: boolean;
}

interface Ids {
  conversation: string;
  message: string;
  inbox: string;
  file: string;
  operator: string;
}

const SOON = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * Every route the server has, and who may call it. A new route must be added here, so nobody can
 * ship one without deciding its access (the first test fails until then).
 */
const ROUTES: Record<string, RouteRule> = {
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
  'POST /api/messages/:id/retry': { access: 'operator', foreign: true },
  'POST /api/messages/:id/resend': { access: 'operator', foreign: true },
  'GET /api/operators': { access: 'operator' },
  'PATCH /api/operators/me': { access: 'operator', body: () => ({ presence: 'online' }) },
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
  'GET /api/inboxes/:id/templates': { access: 'operator', foreign: true },
  'GET /api/inboxes/:id/webchat/snippet': { access: 'operator', foreign: true },
  'GET /api/inboxes/:id/email-sync': { access: 'operator', foreign: true },
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
  'GET /api/notifications': { access: 'operator' },
  'GET /api/notifications/unread-count': { access: 'operator' },
  'POST /api/notifications/read': { access: 'operator', body: () => ({ all: true }) },
};

/** Express's registered routes, as `METHOD /path/:param`. */
function registeredRoutes(api: TestApi): string[] {
  const express = api.app.getHttpAdapter().getInstance() as {
    router?: { stack: unknown[] };
    _router?: { stack: unknown[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  return stack.flatMap((layer) => {
    const route = (layer as { route?: { path: string; methods: Record<string, boolean> } }).route;
    // `app.all()` handlers (catch-alls, not endpoints) list every method.
    if (!route || Object.keys(route.methods).length > 3) return [];
    return Object.keys(route.methods)
      .filter((m) => route.methods[m] && m !== '_all')
      .map((m) => `${m.toUpperCase()} ${route.path}`);
  });
}

function pathFor(route: string, ids: Ids): { method: string; path: string } {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern
    .replace(':inboxId', ids.inbox)
    .replace(':fileId', ids.file)
    .replace(':tagId', ids.operator)
    .replace(':filename', 'a.png')
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

/**
 * Authorization, table-driven over every REST route and socket event: anonymous → 401, an
 * operator of another account → 404 for anything that names a resource, an agent on an admin
 * route → 403.
 */
describe('authorization of every route and socket event', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let stranger: ApiClient;
  let strangerToken: string;
  let ids: Ids;
  let adminToken: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminToken = session.login.token;
    const colleagues = await addColleagues(api);
    agent = colleagues.agent;
    stranger = colleagues.stranger;
    strangerToken = colleagues.strangerLogin.token;

    const { inbox, customer } = await createApiInbox(admin, 'Mine');
    expect((await customer.say('Hello')).status).toBe(200);
    const conversations = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    const conversation = conversations.items[0]!;
    const message = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversation.id}/messages`,
      { text: 'An internal note', kind: 'note' },
    );
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }),
      'a.pdf',
    );
    const upload = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: form,
    });
    const file = (await upload.json()) as { id: string };
    ids = {
      conversation: conversation.id,
      message: message.id,
      inbox: (inbox as InboxDto).id,
      file: file.id,
      operator: session.login.operator.id,
    };
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('every registered route has a rule', () => {
    const registered = registeredRoutes(api).filter((r) => !r.includes('/api/docs'));
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((r) => !ROUTES[r])).toEqual([]);
  });

  it('anonymous callers get 401 on every route that needs a session', async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(ROUTES)) {
      if (rule.access === 'public') continue;
      const { method, path } = pathFor(route, ids);
      const res = await fetch(`${api.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : JSON.stringify(rule.body?.(ids) ?? {}),
      });
      if (res.status !== 401) wrong.push(`${route} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("another account's operator gets 404 for every route that names a resource", async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(ROUTES)) {
      if (!rule.foreign) continue;
      const { method, path } = pathFor(route, ids);
      const res = await stranger.request(
        method,
        path,
        method === 'GET' ? undefined : (rule.body?.(ids) ?? {}),
      );
      if (res.status !== 404) wrong.push(`${route} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('an agent gets 403 on every admin route', async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(ROUTES)) {
      if (rule.access !== 'admin') continue;
      const { method, path } = pathFor(route, ids);
      const res = await agent.request(
        method,
        path,
        method === 'GET' ? undefined : (rule.body?.(ids) ?? {}),
      );
      if (res.status !== 403) wrong.push(`${route} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('socket: no session, no stream; another account’s conversation in an event is refused', async () => {
    const anonymous = io(`${api.baseUrl}/operators`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const refused = await new Promise<string>((resolve) => {
      anonymous.once('connect_error', (err) => resolve(err.message));
      anonymous.once('stream.ready', () => resolve('connected'));
    });
    anonymous.close();
    expect(refused).not.toBe('connected');

    const owner = await RecordingOperatorSocket.connect(api.baseUrl, adminToken);
    const intruder = await RecordingOperatorSocket.connect(api.baseUrl, strangerToken);
    const seen: unknown[] = [];
    owner.socket.onAny((event: string, ...args: unknown[]) => {
      if (event !== 'stream.event') seen.push([event, ...args]);
    });
    for (const event of ['typing', 'presence.set', 'viewing'] as const) {
      (intruder.socket as unknown as { emit: (e: string, p: unknown) => void }).emit(event, {
        conversationId: ids.conversation,
        typing: true,
        viewing: true,
      });
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(intruder.errors.length).toBeGreaterThan(0);
    expect(seen).toEqual([]);
    owner.close();
    intruder.close();
  });
});
