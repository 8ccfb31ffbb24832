import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
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
import { createAccount, createOperator } from '../accounts/create-account';

/** One account's data is invisible to another's operators: every route answers 404, sockets stay silent. */
describe('account isolation', () => {
  let db: TestDatabase;
  let api: TestApi;
  let alice: ApiClient;
  let bob: ApiClient;
  let bobToken: string;
  let conv: ConversationSummaryDto;
  let message: MessageDto;
  let inboxId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    alice = (await loginAs(api.baseUrl)).client;
    await api.dataSource.transaction(async (em) => {
      const other = await createAccount(em, 'Other Co');
      await createOperator(em, other, {
        email: 'bob@other.test',
        name: 'Bob',
        password: 'bob-password-1',
        role: 'admin',
      });
    });
    const bobSession = await loginAs(api.baseUrl, 'bob@other.test', 'bob-password-1');
    bob = bobSession.client;
    bobToken = bobSession.login.token;
    const { customer, inbox } = await createApiInbox(alice);
    inboxId = inbox.id;
    await customer.say('secret of account A', 'iso-1');
    conv = (await alice.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')).items[0]!;
    message = await alice.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      kind: 'note',
      text: 'internal',
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers 404 on every conversation, message and inbox route of another account', async () => {
    const id = conv.id;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/api/conversations/${id}`],
      ['GET', `/api/conversations/${id}/messages`],
      ['POST', `/api/conversations/${id}/messages`, { text: 'hijack' }],
      ['POST', `/api/conversations/${id}/close`],
      ['POST', `/api/conversations/${id}/reopen`],
      [
        'POST',
        `/api/conversations/${id}/snooze`,
        { until: new Date(Date.now() + 3600_000).toISOString() },
      ],
      ['POST', `/api/conversations/${id}/unsnooze`],
      ['POST', `/api/conversations/${id}/assign`, { assigneeId: null }],
      ['POST', `/api/conversations/${id}/read`],
      ['POST', `/api/messages/${message.id}/retry`],
      ['GET', `/api/inboxes/${inboxId}`],
      ['PATCH', `/api/inboxes/${inboxId}`, { name: 'pwned' }],
    ];
    for (const [method, path, body] of attempts) {
      const r = await bob.request(method, path, body);
      expect({ method, path, status: r.status }).toEqual({ method, path, status: 404 });
    }
    const lists = await bob.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    expect(lists.items).toHaveLength(0);
    expect(await bob.ok<unknown[]>('GET', '/api/inboxes')).toHaveLength(0);
    const counts = await bob.ok<Record<string, number>>('GET', '/api/conversations/counts');
    expect(counts).toEqual({ open: 0, snoozed: 0, closed: 0, nextSnoozeDueInMs: null });
    const stillThere = await alice.ok<ConversationSummaryDto>('GET', `/api/conversations/${id}`);
    expect(stillThere.status).toBe('open');
  });

  it('never streams another account’s events', async () => {
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, bobToken);
    await alice.ok('POST', `/api/conversations/${conv.id}/messages`, {
      kind: 'note',
      text: 'more internal',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(socket.events).toHaveLength(0);
    socket.close();
  });

  it('requires a session on every operator route', async () => {
    const anon = await fetch(`${api.baseUrl}/api/conversations`);
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    const wrong = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.local', password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('answers unknown routes and malformed bodies with a 4xx and a reason', async () => {
    const unknown = await alice.request('GET', '/api/no-such-thing');
    expect(unknown.status).toBe(404);
    const badJson = await alice.request(
      'POST',
      `/api/conversations/${conv.id}/messages`,
      '{"text": ',
    );
    expect(badJson.status).toBe(400);
    expect(JSON.stringify(badJson.body)).toContain('JSON');
    const badQuery = await alice.request('GET', '/api/conversations?status=nonsense&limit=1000');
    expect(badQuery.status).toBe(400);
    const badCursor = await alice.request('GET', '/api/conversations?cursor=abc');
    expect(badCursor.status).toBe(400);
    const empty = await alice.request('POST', `/api/conversations/${conv.id}/messages`, {
      text: '  ',
    });
    expect(empty.status).toBe(400);
  });
});
