import type {
  ConversationParticipantsDto,
  ConversationSummaryDto,
  NotificationItemDto,
  Page,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { addColleagues, type Colleagues } from '../accounts/testing/colleagues';

/**
 * Who hears about a customer message: the assignee and every participant (replied, mentioned,
 * followed), once each, on both inbound paths (the ingest function and the general path).
 */
describe('conversation participants', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let people: Colleagues;
  let bystander: ApiClient;
  let customer: ApiChannelCustomer;
  const ids = { admin: '', agent: '', bystander: '' };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    people = await addColleagues(api);
    const [account] = await api.dataSource.getRepository(AccountEntity).find({ take: 1 });
    await api.dataSource.transaction((em) =>
      createOperator(em, account!.id, {
        email: 'bystander@test.local',
        name: 'Bea Bystander',
        password: 'bystander-password-123',
        role: 'agent',
      }),
    );
    bystander = (await loginAs(api.baseUrl, 'bystander@test.local', 'bystander-password-123'))
      .client;
    const me = (client: ApiClient) =>
      client.ok<{ id: string }>('GET', '/api/auth/me').then((r) => r.id);
    ids.admin = await me(admin);
    ids.agent = await me(people.agent);
    ids.bystander = await me(bystander);
    customer = (await createApiInbox(admin, 'Shop')).customer;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const customerMessages = async (client: ApiClient, conversationId: string) => {
    const page = await client.ok<Page<NotificationItemDto>>('GET', '/api/notifications?limit=100');
    return page.items.filter(
      (n) => n.type === 'customer_message' && n.conversationId === conversationId,
    ).length;
  };

  it('notifies the assignee and each participant once per customer message, not the others', async () => {
    await customer.say('Hello, my parcel is late');
    const list = await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    const conv = list.items[0]!.id;
    // A brand-new conversation has nobody to tell yet.
    expect(await customerMessages(admin, conv)).toBe(0);

    await admin.ok('POST', `/api/conversations/${conv}/assign`, { assigneeId: ids.agent });
    // The assignee also follows: still one notification per message.
    const followed = await people.agent.ok<ConversationParticipantsDto>(
      'POST',
      `/api/conversations/${conv}/follow`,
    );
    expect(followed.following).toBe(true);
    // The admin takes part by replying.
    await admin.ok('POST', `/api/conversations/${conv}/messages`, { text: 'Looking into it' });
    // The bystander follows and changes their mind.
    await bystander.ok('POST', `/api/conversations/${conv}/follow`);
    const unfollowed = await bystander.ok<ConversationParticipantsDto>(
      'DELETE',
      `/api/conversations/${conv}/follow`,
    );
    expect(unfollowed.following).toBe(false);

    const seen = await admin.ok<ConversationParticipantsDto>(
      'GET',
      `/api/conversations/${conv}/participants`,
    );
    expect(seen.following).toBe(true);
    expect(seen.participants.map((p) => [p.operatorId, p.reason])).toEqual([
      [ids.agent, 'followed'],
      [ids.admin, 'replied'],
    ]);

    // An open conversation: the ingest function's path.
    await customer.say('Any news?');
    await eventually(async () => (await customerMessages(admin, conv)) === 1);
    expect(await customerMessages(people.agent, conv)).toBe(1);
    expect(await customerMessages(bystander, conv)).toBe(0);
    // On the stream the notifications come first, so a client told of one skips its own alert.
    const latest = (await api.dataSource.query(
      `SELECT type, payload->'message'->>'text' AS text FROM events
        WHERE conversation_id = $1 AND cursor IS NOT NULL ORDER BY cursor DESC LIMIT 3`,
      [conv],
    )) as { type: string; text: string | null }[];
    expect(latest).toEqual([
      { type: 'message.created', text: 'Any news?' },
      { type: 'notification.created', text: null },
      { type: 'notification.created', text: null },
    ]);

    // A closed conversation reopens: the general path notifies the same people.
    await admin.ok('POST', `/api/conversations/${conv}/close`);
    await customer.say('Hello again?');
    await eventually(async () => (await customerMessages(admin, conv)) === 2);
    expect(await customerMessages(people.agent, conv)).toBe(2);
    expect(await customerMessages(bystander, conv)).toBe(0);
  });

  it('tells a participant who is not the assignee, and nobody once everyone left', async () => {
    const other = await createApiInbox(admin, 'Other shop');
    await other.customer.say('Question one');
    const list = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      `/api/conversations?inboxId=${other.inbox.id}`,
    );
    const conv = list.items[0]!.id;
    await bystander.ok('POST', `/api/conversations/${conv}/follow`);
    await other.customer.say('Question two');
    await eventually(async () => (await customerMessages(bystander, conv)) === 1);
    expect(await customerMessages(admin, conv)).toBe(0);

    await bystander.ok('DELETE', `/api/conversations/${conv}/follow`);
    await other.customer.say('Question three');
    await other.customer.say('Question four');
    // Unassigned and without participants: nothing is stored (the SPA alerts everyone instead).
    await new Promise((r) => setTimeout(r, 300));
    expect(await customerMessages(bystander, conv)).toBe(1);
  });

  it('refuses another account and a malformed id with 404', async () => {
    await customer.say('One more');
    const conv = (await admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations'))
      .items[0]!.id;
    for (const [method, path] of [
      ['POST', `/api/conversations/${conv}/follow`],
      ['DELETE', `/api/conversations/${conv}/follow`],
      ['GET', `/api/conversations/${conv}/participants`],
      ['POST', '/api/conversations/not-a-uuid/follow'],
    ] as const) {
      expect([method, path, (await people.stranger.request(method, path)).status]).toEqual([
        method,
        path,
        404,
      ]);
    }
    const after = await admin.ok<ConversationParticipantsDto>(
      'GET',
      `/api/conversations/${conv}/participants`,
    );
    expect(after.participants.some((p) => p.operatorId === ids.agent)).toBe(true);
  });
});
