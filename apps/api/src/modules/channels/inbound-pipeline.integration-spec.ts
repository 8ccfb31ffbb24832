import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';

describe('inbound pipeline (api channel → conversation stream)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let inboxId: string;
  const messages = () => api.dataSource.getRepository(MessageEntity);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    const created = await createApiInbox(admin);
    customer = created.customer;
    inboxId = created.inbox.id;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('stores a customer message once, however often the channel delivers it', async () => {
    const first = await customer.say('Where is my parcel?', 'ext-1');
    const again = await customer.say('Where is my parcel?', 'ext-1');
    const concurrent = await Promise.all(
      [1, 2, 3, 4, 5].map(() => customer.say('Where is my parcel?', 'ext-1')),
    );
    expect(first).toMatchObject({ status: 200, body: { stored: 1, duplicates: 0 } });
    expect(again).toMatchObject({ status: 200, body: { stored: 0, duplicates: 1 } });
    for (const r of concurrent) expect(r.status).toBe(200);
    expect(await messages().countBy({ externalId: 'ext-1' })).toBe(1);
  });

  it('opens one conversation for a new customer even when messages race', async () => {
    const racer = { id: 'racer', name: 'Race Condition' };
    await Promise.all(['r1', 'r2', 'r3', 'r4'].map((id) => customer.say(`hi ${id}`, id, racer)));
    // count() counts distinct conversations, joined to their identity for the filter.
    const conversations = await api.dataSource
      .getRepository(ConversationEntity)
      .countBy({ identity: { externalId: 'racer' } });
    expect(conversations).toBe(1);
  });

  it('delivers the message live to a connected operator with the conversation on top of the feed', async () => {
    const { client, login } = await loginAs(api.baseUrl);
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, login.token);
    try {
      await customer.say('Live one', 'ext-live', { id: 'live-cust', name: 'Live Customer' });
      await socket.waitFor((evs) =>
        evs.some((e) => e.type === 'message.created' && e.payload.message.text === 'Live one'),
      );
      const feed = await client.ok<Page<ConversationSummaryDto>>(
        'GET',
        '/api/conversations?status=open',
      );
      expect(feed.items[0]?.lastMessagePreview).toBe('Live one');
      expect(feed.items[0]?.contact.name).toBe('Live Customer');
      const msgs = await client.ok<Page<MessageDto>>(
        'GET',
        `/api/conversations/${feed.items[0]!.id}/messages`,
      );
      expect(msgs.items[0]).toMatchObject({
        direction: 'incoming',
        text: 'Live one',
        channel: 'api',
      });
    } finally {
      socket.close();
    }
  });

  it('rejects forged, stale and malformed webhooks without storing anything', async () => {
    const before = await messages().count();
    const forged = await customer.post(
      { messages: [{ id: 'f1', from: { id: 'x' }, text: 'forged' }] },
      { secret: 'wrong-secret-wrong-secret' },
    );
    const stale = await customer.post(
      { messages: [{ id: 'f2', from: { id: 'x' }, text: 'old' }] },
      { timestamp: 1_000_000 },
    );
    const badJson = await customer.post('{"messages": [');
    const empty = await customer.post({ messages: [{ id: 'f3', from: { id: 'x' }, text: '   ' }] });
    const tooLong = await customer.post({
      messages: [{ id: 'f4', from: { id: 'x' }, text: 'a'.repeat(10_001) }],
    });
    const unknownInbox = await fetch(
      `${api.baseUrl}/api/webhooks/00000000-0000-0000-0000-000000000000`,
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
    );
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(badJson.status).toBe(400);
    expect(empty.status).toBe(400);
    expect(tooLong).toMatchObject({ status: 400 });
    expect(JSON.stringify(tooLong.body)).toContain('10000');
    expect(unknownInbox.status).toBe(404);
    expect(await messages().count()).toBe(before);
    expect(inboxId).toBeTruthy();
  });
});
