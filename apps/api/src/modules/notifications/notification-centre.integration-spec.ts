import type {
  ConversationSummaryDto,
  NotificationCountDto,
  NotificationItemDto,
  Page,
  StreamEvent,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { addColleagues, type Colleagues } from '../accounts/testing/colleagues';

/** The notification centre: stored per operator, paged, read state shared by every tab. */
describe('notification centre', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  let people: Colleagues;
  let customer: ApiChannelCustomer;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    people = await addColleagues(api);
    customer = (await createApiInbox(admin, 'Shop')).customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const count = (client: ApiClient) =>
    client.ok<NotificationCountDto>('GET', '/api/notifications/unread-count');
  const page = (client: ApiClient, query = '') =>
    client.ok<Page<NotificationItemDto>>('GET', `/api/notifications${query}`);

  it('lists, pages, counts and marks read, and every tab of the operator hears it', async () => {
    await customer.say('First question', 'n-1');
    await customer.say('Something else', 'n-2', { id: 'cust-other', name: 'Olga' });
    const conversations = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    const byName = (name: string) =>
      conversations.items.find((c) => c.contact.name === name)?.id ?? '';
    const [shop, olga] = [byName('Test Customer'), byName('Olga')];
    const me = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    const assign = (id: string, assigneeId: string | null) =>
      people.agent.ok('POST', `/api/conversations/${id}/assign`, { assigneeId });
    // The agent hands both conversations to the admin, one of them twice: three notifications.
    await assign(shop, me);
    await assign(olga, me);
    await assign(shop, null);
    await assign(shop, me);
    await eventually(async () => (await count(admin)).unread === 3);
    expect((await count(people.agent)).unread).toBe(0);
    expect((await count(people.stranger)).unread).toBe(0);

    const first = await page(admin, '?limit=2');
    expect(first.items.map((n) => [n.type, n.conversationId, n.readAt])).toEqual([
      ['assigned', shop, null],
      ['assigned', olga, null],
    ]);
    expect(first.items[1]?.conversation.contact.name).toBe('Olga');
    expect(first.nextCursor).not.toBeNull();
    const second = await page(admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((n) => n.id)).size).toBe(3);

    // Two tabs of the same operator.
    const tabs = await Promise.all([
      RecordingOperatorSocket.connect(api.baseUrl, token),
      RecordingOperatorSocket.connect(api.baseUrl, token),
    ]);
    try {
      const aboutOlga = all.find((n) => n.conversationId === olga);
      expect(
        await admin.ok<NotificationCountDto>('POST', '/api/notifications/read', {
          conversationId: olga,
        }),
      ).toEqual({ unread: 2 });
      const heard = (e: StreamEvent) =>
        e.type === 'notifications.read' && e.payload.ids.includes(aboutOlga?.id ?? '');
      for (const tab of tabs) await tab.waitFor((events) => events.some(heard));

      expect(
        await admin.ok<NotificationCountDto>('POST', '/api/notifications/read', { all: true }),
      ).toEqual({ unread: 0 });
      for (const tab of tabs)
        await tab.waitFor((events) =>
          events.some((e) => e.type === 'notifications.read' && e.payload.all),
        );
    } finally {
      tabs.forEach((t) => t.close());
    }
    expect((await page(admin)).items.every((n) => n.readAt !== null)).toBe(true);
    // Another operator's notifications are theirs: the agent's stays unread.
    await admin.ok('POST', `/api/conversations/${olga}/assign`, {
      assigneeId: (await people.agent.ok<{ id: string }>('GET', '/api/auth/me')).id,
    });
    await eventually(async () => (await count(people.agent)).unread === 1);
    // Naming someone else's notifications marks nothing of theirs.
    const agentIds = (await page(people.agent)).items.map((n) => n.id);
    await people.stranger.ok('POST', '/api/notifications/read', { ids: agentIds });
    await admin.ok('POST', '/api/notifications/read', { ids: agentIds });
    expect((await count(people.agent)).unread).toBe(1);
  });

  it('refuses a selection that is not exactly one of ids, a conversation or all', async () => {
    for (const body of [
      {},
      { ids: [] },
      { ids: ['not-a-uuid'] },
      { all: false },
      { all: true, conversationId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const res = await admin.request('POST', '/api/notifications/read', body);
      expect([res.status, body]).toEqual([400, body]);
    }
    expect((await admin.request('GET', '/api/notifications?cursor=bogus')).status).toBe(400);
  });
});
