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
import { pathFor, ROUTES, type Ids } from './authorization-routes';

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
