import type {
  ApiErrorDto,
  ConversationSummaryDto,
  CreateSavedViewRequest,
  Page,
  SavedViewCountsDto,
  SavedViewDto,
} from '@switchboard/contracts';
import { MAX_SAVED_VIEWS_PER_OPERATOR } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiChannelCustomer,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { addColleagues } from '../accounts/testing/colleagues';
import { SavedViewEntity } from './entities/saved-view.entity';

/**
 * Saved views over REST on a real database: create, list, rename, share, pin, delete; who sees and
 * changes which view; counts per viewer under inbox access, following tags and assignment; and
 * every kind of bad input refused with nothing changed.
 */
describe('saved views', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminId: string;
  let adminName: string;
  /** An agent with no access to the Billing inbox. */
  let agent: ApiClient;
  let stranger: ApiClient;
  let everyone: ApiChannelCustomer;
  let billing: ApiChannelCustomer;
  let billingId: string;

  const views = (client: ApiClient) => client.ok<SavedViewDto[]>('GET', '/api/views');
  const counts = async (client: ApiClient) =>
    (await client.ok<SavedViewCountsDto>('GET', '/api/views/counts')).counts;
  const create = (client: ApiClient, body: CreateSavedViewRequest) =>
    client.request<SavedViewDto & ApiErrorDto>('POST', '/api/views', body);
  const feed = async (client: ApiClient, query: string) =>
    (await client.ok<Page<ConversationSummaryDto>>('GET', `/api/conversations?${query}`)).items;
  /** A new conversation from a new customer, found by their name. */
  const newConversation = async (customer: ApiChannelCustomer, name: string) => {
    const from = { id: `c-${name}`, name };
    expect((await customer.say(`Hello, I am ${name}`, undefined, from)).status).toBe(200);
    const found = (await feed(admin, `status=open&q=${encodeURIComponent(name)}`))[0];
    if (!found) throw new Error(`No conversation of ${name}`);
    return found;
  };
  const tag = (id: string, name: string) =>
    admin.ok('POST', `/api/conversations/${id}/tags`, { name });
  const assign = (id: string, assigneeId: string | null) =>
    admin.ok('POST', `/api/conversations/${id}/assign`, { assigneeId });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminId = session.login.operator.id;
    adminName = session.login.operator.name;
    const colleagues = await addColleagues(api);
    agent = colleagues.agent;
    stranger = colleagues.stranger;
    everyone = (await createApiInbox(admin, 'Everyone')).customer;
    const restricted = await createApiInbox(admin, 'Billing');
    billing = restricted.customer;
    billingId = restricted.inbox.id;
    // Only the admin works Billing: the agent sees nothing of it.
    await admin.ok('PUT', `/api/inboxes/${restricted.inbox.id}/access`, {
      operatorIds: [adminId],
      teamIds: [],
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('a personal view is its owner’s alone; a shared one shows for everyone and is changed by its owner or an admin', async () => {
    const mine = await create(agent, {
      name: '  My payments ',
      query: { tag: '#Payment', assignee: 'unassigned', cursor: 'x', limit: 5 } as never,
    });
    expect(mine.status).toBe(201);
    // Stored as the feed's schema parsed it: defaults filled, one tag made a list, no page keys.
    expect(mine.body).toMatchObject({
      name: 'My payments',
      shared: false,
      pinned: true,
      editable: true,
      ownerName: 'Agnes Agent',
      query: { status: 'open', assignee: 'unassigned', tag: ['#Payment'] },
    });
    expect(mine.body.query).not.toHaveProperty('cursor');
    expect((await views(agent)).map((v) => v.name)).toEqual(['My payments']);

    // Nobody else knows it exists: not listed, not counted, 404 to change — even for an admin.
    expect(await views(admin)).toEqual([]);
    expect(await counts(admin)).toEqual({});
    for (const client of [admin, stranger]) {
      const path = `/api/views/${mine.body.id}`;
      expect((await client.request('PATCH', path, { name: 'Mine now' })).status).toBe(404);
      expect((await client.request('DELETE', path)).status).toBe(404);
    }

    const team = await create(admin, {
      name: 'Team payments',
      shared: true,
      query: { tag: ['payment'] },
    });
    expect(team.status).toBe(201);
    const seenByAgent = (await views(agent)).find((v) => v.id === team.body.id);
    expect(seenByAgent).toMatchObject({ shared: true, editable: false, ownerName: adminName });
    expect(await views(stranger)).toEqual([]);
    // The agent may use it, not change it.
    const path = `/api/views/${team.body.id}`;
    const refused = await agent.request<ApiErrorDto>('PATCH', path, { name: 'Ours' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/owner or an admin/);
    expect((await agent.request('DELETE', path)).status).toBe(403);

    // The agent shares their view: an admin may now change it too, and the name stays unique.
    const shared = await agent.ok<SavedViewDto>('PATCH', `/api/views/${mine.body.id}`, {
      shared: true,
    });
    expect(shared.shared).toBe(true);
    const forAdmin = (await views(admin)).find((v) => v.id === mine.body.id);
    expect(forAdmin).toMatchObject({ editable: true, ownerOperatorId: shared.ownerOperatorId });
    const renamed = await admin.ok<SavedViewDto>('PATCH', `/api/views/${mine.body.id}`, {
      name: 'Payments (Agnes)',
      position: 7,
      pinned: false,
    });
    expect(renamed).toMatchObject({ name: 'Payments (Agnes)', position: 7, pinned: false });
    // Unpinned views are listed after the pinned ones and are not counted.
    expect((await views(agent)).map((v) => v.name)).toEqual(['Team payments', 'Payments (Agnes)']);
    expect(Object.keys(await counts(agent))).toEqual([team.body.id]);

    // An admin may make it personal again: it is the agent's alone once more.
    const unshared = await admin.ok<SavedViewDto>('PATCH', `/api/views/${mine.body.id}`, {
      shared: false,
    });
    expect(unshared).toMatchObject({ shared: false, editable: false });
    expect(
      (await admin.request('PATCH', `/api/views/${mine.body.id}`, { shared: true })).status,
    ).toBe(404);
    expect((await views(admin)).map((v) => v.id)).toEqual([team.body.id]);

    await admin.ok('DELETE', path);
    expect((await views(agent)).map((v) => v.id)).toEqual([mine.body.id]);
    expect((await admin.request('DELETE', path)).status).toBe(404);
    await agent.ok('DELETE', `/api/views/${mine.body.id}`);
    expect(await views(agent)).toEqual([]);
  });

  it('counts what each viewer may see, and follow tags and assignment', async () => {
    const ada = await newConversation(everyone, 'Ada');
    const cy = await newConversation(billing, 'Cy');
    const bob = await newConversation(everyone, 'Bob');
    await tag(ada.id, 'payment');
    await tag(cy.id, 'Payment');
    await tag(bob.id, 'payment');
    await assign(bob.id, adminId);

    const view = await create(admin, {
      name: 'Unassigned payments',
      shared: true,
      query: { tag: ['#payment'], assignee: 'unassigned' },
    });
    const closed = await create(admin, {
      name: 'Closed payments',
      query: { tag: ['payment'], status: 'closed' },
    });
    const id = view.body.id;
    // The admin sees Ada and Cy; the agent, without Billing, sees Ada only.
    expect(await counts(admin)).toEqual({ [id]: 2, [closed.body.id]: 0 });
    expect(await counts(agent)).toEqual({ [id]: 1 });
    // The same numbers as the feed itself answers for the same query.
    expect(await feed(agent, 'status=open&assignee=unassigned&tag=payment')).toHaveLength(1);

    // A new conversation joins the view once it is tagged, and leaves it once assigned.
    const dan = await newConversation(everyone, 'Dan');
    expect((await counts(agent))[id]).toBe(1);
    await tag(dan.id, 'PAYMENT');
    expect((await counts(agent))[id]).toBe(2);
    expect((await counts(admin))[id]).toBe(3);
    await assign(dan.id, adminId);
    expect((await counts(agent))[id]).toBe(1);
    // Closing moves a conversation from one view's status to the other's.
    await admin.ok('POST', `/api/conversations/${ada.id}/close`);
    expect(await counts(admin)).toEqual({ [id]: 1, [closed.body.id]: 1 });
    expect(await counts(agent)).toEqual({ [id]: 0 });
    // Given Billing, the agent counts Cy too at once.
    const agentId = (await agent.ok<{ id: string }>('GET', '/api/auth/me')).id;
    await admin.ok('PUT', `/api/inboxes/${billingId}/access`, {
      operatorIds: [adminId, agentId],
      teamIds: [],
    });
    expect(await counts(agent)).toEqual({ [id]: 1 });
    await admin.ok('PUT', `/api/inboxes/${billingId}/access`, {
      operatorIds: [adminId],
      teamIds: [],
    });
    expect(await counts(agent)).toEqual({ [id]: 0 });

    // A view with words counts through the search's time-bounded count, and matches the feed.
    const words = await create(admin, { name: 'Dan says hello', query: { q: 'hello dan' } });
    expect((await counts(admin))[words.body.id]).toBe(1);
    expect(await feed(admin, 'status=open&q=hello%20dan')).toHaveLength(1);
    await admin.ok('DELETE', `/api/views/${words.body.id}`);
  });

  it('refuses bad input with the reason, and changes nothing', async () => {
    const before = await views(admin);
    const refuse = async (body: unknown, status: number, reason: RegExp) => {
      const res = await admin.request<ApiErrorDto>('POST', '/api/views', body);
      expect({ status: res.status, message: res.body.message }).toEqual({
        status,
        message: expect.stringMatching(reason),
      });
    };
    await refuse({ name: '   ', query: {} }, 400, /^name: Name must not be empty/);
    await refuse({ name: 'x'.repeat(81), query: {} }, 400, /^name: Name is longer than 80/);
    await refuse({ name: 'Bell\u0007', query: {} }, 422, /^name/);
    await refuse({ name: 'No query' }, 400, /^query: .*expected object/);
    await refuse({ name: 'List', query: [] }, 400, /^query: .*expected object/);
    await refuse({ name: 'Bad status', query: { status: 'lost' } }, 400, /^query\.status:/);
    await refuse({ name: 'Bad inbox', query: { inboxId: 'nope' } }, 400, /^query\.inboxId:/);
    await refuse({ name: 'Bad tag', query: { tag: ['t'.repeat(201)] } }, 400, /^query\.tag\.0:/);
    await refuse({ name: 'Bad q', query: { q: 'a'.repeat(10_000) } }, 400, /^query\.q:/);
    await refuse({ name: 'Bad position', position: -1, query: {} }, 400, /^position: /);
    // A duplicate name of the same owner, in any case, is a conflict; so is a shared one.
    await admin.ok('POST', '/api/views', { name: 'Urgent', query: {} });
    await refuse({ name: 'URGENT', query: {} }, 409, /"URGENT" exists already/);
    await admin.ok('POST', '/api/views', { name: 'Everyone’s', shared: true, query: {} });
    const agentsOwn = await create(agent, { name: 'everyone’s', query: {} });
    expect(agentsOwn.status).toBe(201);
    const clash = await agent.request<ApiErrorDto>('PATCH', `/api/views/${agentsOwn.body.id}`, {
      shared: true,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toMatch(/shared view with this name/);

    const path = `/api/views/${agentsOwn.body.id}`;
    expect((await agent.request<ApiErrorDto>('PATCH', path, {})).body.message).toMatch(
      /Nothing to change/,
    );
    expect((await agent.request('PATCH', path, { query: { assignee: 'nobody' } })).status).toBe(
      400,
    );
    expect((await agent.request('PATCH', '/api/views/not-a-uuid', { name: 'x' })).status).toBe(404);
    expect((await views(agent)).find((v) => v.id === agentsOwn.body.id)).toMatchObject({
      name: 'everyone’s',
      shared: false,
      query: { status: 'open', assignee: 'all' },
    });
    expect((await views(admin)).map((v) => v.name).sort()).toEqual(
      [...before.map((v) => v.name), 'Urgent', 'Everyone’s'].sort(),
    );
  });

  it('a view saved under an older schema that no longer parses counts null, not a 500', async () => {
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    const stale = await api.dataSource.getRepository(SavedViewEntity).save({
      accountId: account.id,
      ownerOperatorId: adminId,
      name: 'From an older release',
      query: { status: 'archived' },
    });
    expect((await counts(admin))[stale.id]).toBeNull();
    expect((await views(admin)).find((v) => v.id === stale.id)?.query).toEqual({
      status: 'archived',
    });
    // Saving a valid query repairs it.
    await admin.ok('PATCH', `/api/views/${stale.id}`, { query: { status: 'closed' } });
    expect((await counts(admin))[stale.id]).toEqual(expect.any(Number));
  });

  it('limits how many views one operator keeps', async () => {
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await api.dataSource.transaction((em) =>
      createOperator(em, account.id, {
        email: 'hoarder@test.local',
        name: 'Hoarder',
        password: 'agent-password-123',
        role: 'agent',
      }),
    );
    const hoarder = (await loginAs(api.baseUrl, 'hoarder@test.local', 'agent-password-123')).client;
    // Created concurrently: the owner's lock keeps the limit exact.
    const results = await Promise.all(
      Array.from({ length: MAX_SAVED_VIEWS_PER_OPERATOR + 3 }, (_, i) =>
        create(hoarder, { name: `View ${i}`, query: { q: `word${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_SAVED_VIEWS_PER_OPERATOR);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.message])).toEqual(
      Array.from({ length: 3 }, () => [409, expect.stringMatching(/50 saved views already/)]),
    );
    const own = (await views(hoarder)).filter((v) => !v.shared);
    expect(own).toHaveLength(MAX_SAVED_VIEWS_PER_OPERATOR);
    // Each gets the next position, so the sidebar shows them in the order they were made.
    expect(new Set(own.map((v) => v.position)).size).toBe(MAX_SAVED_VIEWS_PER_OPERATOR);
  });
});
