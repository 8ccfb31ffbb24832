import type { ConversationSummaryDto, MessageDto, Page } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { In } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';

async function openConversation(
  admin: ApiClient,
  customer: ApiChannelCustomer,
  key: string,
): Promise<ConversationSummaryDto> {
  await customer.say(`hello ${key}`, `msg-${key}`, { id: `cust-${key}`, name: `Customer ${key}` });
  const feed = await admin.ok<Page<ConversationSummaryDto>>(
    'GET',
    `/api/conversations?status=open&q=${encodeURIComponent(`Customer ${key}`)}`,
  );
  const conv = feed.items[0];
  if (!conv) throw new Error(`conversation for ${key} not found`);
  return conv;
}

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

describe('snooze', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let customer: ApiChannelCustomer;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    customer = (await createApiInbox(admin)).customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('leaves the open feed and comes back by itself, at most 2 s late, with a notification', async () => {
    const conv = await openConversation(admin, customer, 'timer');
    // Every rewrite of an event row is recorded: the wake-up stores its events numbered, once.
    await api.dataSource.query(`
      CREATE TABLE event_rewrites (type text, conversation_id uuid, payload jsonb);
      CREATE FUNCTION record_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO event_rewrites VALUES (NEW.type, NEW.conversation_id, NEW.payload); RETURN NEW; END $$;
      CREATE TRIGGER record_event_rewrite AFTER UPDATE ON events
        FOR EACH ROW EXECUTE FUNCTION record_event_rewrite();
    `);
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    const until = inSeconds(1.5);
    const snoozed = await admin.ok<ConversationSummaryDto>(
      'POST',
      `/api/conversations/${conv.id}/snooze`,
      { until },
    );
    expect(snoozed.status).toBe('snoozed');
    const open = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    expect(open.items.map((c) => c.id)).not.toContain(conv.id);

    await socket.waitFor(
      (evs) =>
        evs.some(
          (e) =>
            e.type === 'conversation.updated' &&
            e.conversationId === conv.id &&
            e.payload.conversation.status === 'open',
        ),
      6_000,
    );
    const woke = socket.events.find(
      (e) => e.type === 'conversation.updated' && e.payload.conversation.status === 'open',
    )!;
    const lateness = Date.parse(woke.at) - Date.parse(until);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2_000);
    expect(
      socket.events.some(
        (e) =>
          e.type === 'notification.created' && e.payload.notification.type === 'snooze_expired',
      ),
    ).toBe(true);
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conv.id}/messages`,
    );
    expect(timeline.items.map((m) => m.activity?.type)).toEqual(
      expect.arrayContaining(['status_changed', 'snooze_expired']),
    );
    // The wake-up's three events, consecutive and in order, each written once.
    const wake = socket.events.filter(
      (e) =>
        e.conversationId === conv.id &&
        ((e.type === 'message.created' && e.payload.message.activity?.type === 'snooze_expired') ||
          e === woke ||
          (e.type === 'notification.created' && e.payload.notification.type === 'snooze_expired')),
    );
    expect(wake.map((e) => e.type)).toEqual([
      'message.created',
      'conversation.updated',
      'notification.created',
    ]);
    expect(wake.map((e) => e.cursor - wake[0]!.cursor)).toEqual([0, 1, 2]);
    const rewritten = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM event_rewrites
        WHERE conversation_id = $1 AND (type = 'notification.created'
           OR payload->'message'->'activity'->>'type' = 'snooze_expired'
           OR (type = 'conversation.updated' AND payload->'conversation'->>'status' = 'open'))`,
      [conv.id],
    )) as { n: number }[];
    expect(rewritten[0]!.n).toBe(0);
    // The snooze itself went the sequencer's way: the recorder does see rewrites.
    const others = (await api.dataSource.query(
      'SELECT count(*)::int AS n FROM event_rewrites WHERE conversation_id = $1',
      [conv.id],
    )) as { n: number }[];
    expect(others[0]!.n).toBeGreaterThan(0);
    await api.dataSource.query(
      'DROP TRIGGER record_event_rewrite ON events; DROP FUNCTION record_event_rewrite(); DROP TABLE event_rewrites',
    );
    socket.close();
  });

  it('is unsnoozed at once by a customer message, and the operator is notified', async () => {
    const conv = await openConversation(admin, customer, 'early');
    await admin.ok('POST', `/api/conversations/${conv.id}/snooze`, { until: inSeconds(3600) });
    const socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
    await customer.say('any news?', 'early-2', { id: 'cust-early', name: 'Customer early' });
    await socket.waitFor((evs) =>
      evs.some(
        (e) =>
          e.type === 'notification.created' &&
          e.payload.notification.type === 'unsnoozed_by_customer',
      ),
    );
    const after = await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${conv.id}`);
    expect(after.status).toBe('open');
    expect(after.snoozedUntil).toBeNull();
    socket.close();
  });

  it('is reopened by a customer message when closed, and by hand', async () => {
    const conv = await openConversation(admin, customer, 'closed');
    const closed = await admin.ok<ConversationSummaryDto>(
      'POST',
      `/api/conversations/${conv.id}/close`,
    );
    expect(closed.status).toBe('closed');
    const closedList = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=closed',
    );
    expect(closedList.items.map((c) => c.id)).toContain(conv.id);
    await customer.say('one more thing', 'closed-2', {
      id: 'cust-closed',
      name: 'Customer closed',
    });
    expect(
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${conv.id}`)).status,
    ).toBe('open');
    await admin.ok('POST', `/api/conversations/${conv.id}/close`);
    expect(
      (await admin.ok<ConversationSummaryDto>('POST', `/api/conversations/${conv.id}/reopen`))
        .status,
    ).toBe('open');
    await admin.ok('POST', `/api/conversations/${conv.id}/snooze`, { until: inSeconds(3600) });
    expect(
      (await admin.ok<ConversationSummaryDto>('POST', `/api/conversations/${conv.id}/unsnooze`))
        .status,
    ).toBe('open');
    // An unsnooze by hand is recorded as leaving "snoozed" (the inbox says "unsnoozed"), by whom.
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${conv.id}/messages`,
    );
    const statusChanges = timeline.items.flatMap((m) =>
      m.activity?.type === 'status_changed' ? [m.activity] : [],
    );
    expect(statusChanges).toContainEqual(
      expect.objectContaining({ from: 'snoozed', to: 'open', by: expect.anything() }),
    );
  });

  it('starts a new conversation instead when the inbox says so', async () => {
    const other = await createApiInbox(admin, 'Strict inbox', { reopenPolicy: 'new_conversation' });
    await other.customer.say('first', 'n-1', { id: 'strict', name: 'Strict Customer' });
    const [first] = (
      await admin.ok<Page<ConversationSummaryDto>>(
        'GET',
        `/api/conversations?status=open&inboxId=${other.inbox.id}`,
      )
    ).items;
    await admin.ok('POST', `/api/conversations/${first!.id}/close`);
    await other.customer.say('second', 'n-2', { id: 'strict', name: 'Strict Customer' });
    const open = (
      await admin.ok<Page<ConversationSummaryDto>>(
        'GET',
        `/api/conversations?status=open&inboxId=${other.inbox.id}`,
      )
    ).items;
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(first!.id);
    expect(
      (await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${first!.id}`)).status,
    ).toBe('closed');
  });

  it('refuses a snooze time in the past or malformed', async () => {
    const conv = await openConversation(admin, customer, 'bad');
    expect(
      (await admin.post(`/api/conversations/${conv.id}/snooze`, { until: '2001-01-01T00:00:00Z' }))
        .status,
    ).toBe(400);
    expect(
      (await admin.post(`/api/conversations/${conv.id}/snooze`, { until: 'tomorrow' })).status,
    ).toBe(400);
  });

  it('wakes everything that came due while the server was down, on start', async () => {
    const conv = await openConversation(admin, customer, 'downtime');
    await admin.ok('POST', `/api/conversations/${conv.id}/snooze`, { until: inSeconds(1) });
    await api.close();
    await new Promise((r) => setTimeout(r, 2_500));
    api = await startTestApi({ databaseUrl: db.url });
    // From the moment it serves: how long the server takes to boot is not the sweeper's delay.
    const restartedAt = Date.now();
    admin = (await loginAs(api.baseUrl)).client;
    customer = new ApiChannelCustomer(api.baseUrl, customer.inboxId, customer.signingSecret);
    // The stored status: the API shows a due snooze as open before the sweeper writes it.
    await eventually(
      async () =>
        (await api.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id: conv.id }))
          .status === 'open',
      5_000,
    );
    expect(Date.now() - restartedAt).toBeLessThan(5_000);
  });

  it('wakes each conversation exactly once when two instances run', async () => {
    const second = await startTestApi({ databaseUrl: db.url });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 15; i++)
        ids.push((await openConversation(admin, customer, `twin-${i}`)).id);
      const until = inSeconds(1);
      for (const id of ids) await admin.ok('POST', `/api/conversations/${id}/snooze`, { until });
      await eventually(async () => {
        const open = await api.dataSource
          .getRepository(ConversationEntity)
          .countBy({ id: In(ids), status: 'open' });
        return open === ids.length;
      }, 6_000);
      await new Promise((r) => setTimeout(r, 600));
      // snooze_expired activities per conversation.
      const wakes = await api.dataSource
        .getRepository(MessageEntity)
        .createQueryBuilder('m')
        .select('m.conversationId', 'conversationId')
        .addSelect('count(*)::int', 'n')
        .where({ conversationId: In(ids) })
        .andWhere("m.activity->>'type' = :type", { type: 'snooze_expired' })
        .groupBy('m.conversationId')
        .getRawMany<{ conversationId: string; n: number }>();
      expect(wakes).toHaveLength(ids.length);
      for (const w of wakes) expect(w.n).toBe(1);
    } finally {
      await second.close();
    }
  });
});
