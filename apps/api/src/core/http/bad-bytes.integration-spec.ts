import type {
  ConversationSummaryDto,
  InboxDto,
  MessageDto,
  Page,
  VisitorMessageDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
  startTestApi,
} from '@switchboard/testing';
import { io } from 'socket.io-client';
import { MessageEntity } from '../../modules/messages/entities/message.entity';
import { WidgetVisitorClient } from '../../modules/webchat/testing/widget-visitor-client';
import { encodeKeyset } from '../../modules/conversations/keyset-cursor';

const SHOP = 'https://shop.example';

/**
 * Bad bytes from outside: control characters in text fields, malformed ids in paths, cursors
 * that decode to impossible dates, a bad socket cursor. Each gets a 4xx naming the true reason,
 * never a 500 (and never a webhook answer that makes the provider redeliver forever).
 */
describe('bad bytes', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  let customer: ApiChannelCustomer;
  let inbox: InboxDto;
  let conv: ConversationSummaryDto;
  const messages = () => api.dataSource.getRepository(MessageEntity);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    ({ customer, inbox } = await createApiInbox(admin));
    expect((await customer.say('a first, clean message', 'clean-1')).status).toBe(200);
    conv = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations')).items[0]!;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers a webhook with a control character 422 naming the field, and stores nothing', async () => {
    const before = await messages().count();
    for (const [text, codePoint] of [
      ['hello\u0000world', 'U+0000'],
      ['\u001b[2J cleared', 'U+001B'],
      ['broken \ud83d surrogate', 'U+D83D'],
    ] as const) {
      const r = await customer.say(text);
      expect(r).toMatchObject({ status: 422, body: { code: 'INVALID_CHARACTERS' } });
      const message = (r.body as { message: string }).message;
      expect(message).toContain('messages.0.text');
      expect(message).toContain(codePoint);
    }
    expect(await messages().count()).toBe(before);
  });

  it('stores a webhook message whose sender name has control characters, without them', async () => {
    const r = await customer.say('hi from a messy name', 'messy-1', {
      id: 'messy-customer',
      name: 'Ann\u0000\u0007 Smith',
    });
    expect(r.status).toBe(200);
    const feed = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    expect(feed.items.map((c) => c.contact.name)).toContain('Ann Smith');
  });

  it('refuses control characters in replies, notes, inbox names, settings and search with 422', async () => {
    const attempts: Array<[string, string, unknown, string]> = [
      ['POST', `/api/conversations/${conv.id}/messages`, { text: 'a\u0000b' }, 'text'],
      ['POST', `/api/conversations/${conv.id}/messages`, { kind: 'note', text: 'x\u0085' }, 'text'],
      [
        'POST',
        '/api/inboxes',
        { kind: 'api', name: 'N\u0000', secrets: { signingSecret: 'a'.repeat(24) } },
        'name',
      ],
      ['PATCH', `/api/inboxes/${inbox.id}`, { name: 'Renamed\u0000' }, 'name'],
      [
        'PATCH',
        `/api/inboxes/${inbox.id}`,
        { settings: { nested: { deeper: ['ok', 'bad\u0000'] } } },
        'settings.nested.deeper.1',
      ],
      ['GET', `/api/conversations?q=${encodeURIComponent('ann\u0000')}`, undefined, 'q'],
      ['GET', `/api/conversations/counts?q=${encodeURIComponent('\u0001')}`, undefined, 'q'],
    ];
    for (const [method, path, body, field] of attempts) {
      const r = await admin.request<{ code: string; message: string }>(method, path, body);
      expect({ method, path, status: r.status, code: r.body.code }).toEqual({
        method,
        path,
        status: 422,
        code: 'INVALID_CHARACTERS',
      });
      expect(r.body.message).toContain(`${field}: contains a control character`);
    }
    const stillNamed = await admin.ok<InboxDto>('GET', `/api/inboxes/${inbox.id}`);
    expect(stillNamed.name).toBe(inbox.name);
  });

  it('refuses control characters in a widget message and cleans the visitor name', async () => {
    const webchat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'bad-bytes-webchat-secret-0123456789abc' },
    });
    const visitor = new WidgetVisitorClient(api.baseUrl, webchat.id, SHOP);
    expect((await visitor.session()).status).toBe(200);
    const bad = await visitor.say('hello\u0000');
    expect(bad).toMatchObject({ status: 422, body: { code: 'INVALID_CHARACTERS' } });
    const good = await visitor.say('hello', undefined, { visitorName: 'Vi\u0000ctor\u009b' });
    expect(good.status).toBe(200);
    expect((good.body as VisitorMessageDto).text).toBe('hello');
    const feed = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?inboxId=${webchat.id}`,
    );
    expect(feed.items[0]?.contact.name).toBe('Victor');
  });

  it('answers a malformed id in any path with 404 and the reason', async () => {
    const bad = ['not-a-uuid', '1', "'; DROP TABLE x; --", '%00', 'x'.repeat(300)];
    const routes = (id: string): Array<[string, string]> => [
      ['GET', `/api/conversations/${id}`],
      ['POST', `/api/conversations/${id}/close`],
      ['GET', `/api/conversations/${id}/messages`],
      ['POST', `/api/messages/${id}/retry`],
      ['GET', `/api/inboxes/${id}`],
      ['PATCH', `/api/inboxes/${id}`],
      ['GET', `/api/inboxes/${id}/email-sync`],
      ['GET', `/api/inboxes/${id}/webchat/snippet`],
      ['GET', `/api/files/${id}/name.txt`],
      ['POST', `/api/webhooks/${id}`],
      ['POST', `/api/widget/${id}/session`],
    ];
    for (const id of bad) {
      for (const [method, path] of routes(encodeURIComponent(id))) {
        const body = method === 'GET' ? undefined : {};
        const r = await admin.request<{ code: string; message: string }>(method, path, body);
        expect({ method, path, status: r.status }).toEqual({ method, path, status: 404 });
        expect(r.body.message).toMatch(/path parameter "(id|inboxId)" must be a UUID/);
      }
    }
  });

  it('answers a cursor that decodes to an impossible date with 400 naming the cursor', async () => {
    const id = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    for (const at of [
      '2024-02-30T10:00:00.000000Z',
      '2024-13-01T10:00:00.000000Z',
      '0000-01-01T10:00:00.000000Z',
    ]) {
      const cursor = encodeKeyset({ at, id });
      for (const path of [
        `/api/conversations?cursor=${cursor}`,
        `/api/conversations/${conv.id}/messages?before=${cursor}`,
        `/api/audit-log?cursor=${cursor}`,
      ]) {
        const r = await admin.request<{ code: string; message: string }>('GET', path);
        expect({ path, status: r.status }).toEqual({ path, status: 400 });
        expect(r.body.message).toMatch(/cursor|before/);
      }
    }
    const yearZero = await admin.request<{ message: string }>(
      'GET',
      '/api/audit-log?from=0000-01-01T00:00:00Z',
    );
    expect(yearZero).toMatchObject({ status: 400 });
    expect(yearZero.body.message).toContain('from');
  });

  it('names the cursor, not the token, when a socket handshake has a bad cursor', async () => {
    for (const cursor of ['abc', -1, 1.5, { $gt: 0 }]) {
      const error = await new Promise<Error>((resolve, reject) => {
        const socket = io(`${api.baseUrl}/operators`, {
          auth: { token, cursor },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        socket.once('connect', () => {
          socket.disconnect();
          reject(new Error(`connected with cursor ${JSON.stringify(cursor)}`));
        });
        socket.once('connect_error', (err) => {
          socket.disconnect();
          resolve(err);
        });
      });
      expect(error.message).toMatch(/cursor/);
      expect(error.message).not.toMatch(/unauthorized|token|session/i);
    }
  });

  it('keeps working for clean input after all of that', async () => {
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      kind: 'note',
      text: 'tab\tand\nnew line are fine',
    });
    expect(reply.text).toBe('tab\tand\nnew line are fine');
  });
});
