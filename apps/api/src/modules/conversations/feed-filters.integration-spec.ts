import type {
  ConversationCountsDto,
  ConversationSummaryDto,
  LoginResponseDto,
  Page,
} from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';

/**
 * The feed's filters in every combination the SPA sends, one after another on one server: each
 * combination is its own SQL, written once and then reused, so none may leak into another.
 */
describe('feed filters', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let me: LoginResponseDto['operator'];
  const byName: Record<string, ConversationSummaryDto> = {};

  const list = async (query: string) =>
    (await admin.ok<Page<ConversationSummaryDto>>('GET', `/api/conversations?${query}`)).items
      .map((c) => c.contact.name)
      .sort();
  const counts = (query: string) =>
    admin.ok<ConversationCountsDto>('GET', `/api/conversations/counts?${query}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    me = session.login.operator;
    const first = await createApiInbox(admin, 'First');
    const second = await createApiInbox(admin, 'Second');
    const people = [
      { inbox: first, id: 'ada', name: 'Ada Lovelace', email: 'ada@example.test' },
      { inbox: first, id: 'bob', name: 'Bob 100% Sure', email: 'bob@example.test' },
      { inbox: second, id: 'cy', name: 'Cy Young', email: 'cy@example.test' },
    ];
    for (const p of people) {
      const customer = new ApiChannelCustomer(api.baseUrl, p.inbox.inbox.id, p.inbox.signingSecret);
      expect((await customer.say(`Hello from ${p.name}`, undefined, p)).status).toBe(200);
    }
    const all = await admin.ok<Page<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open&limit=50',
    );
    for (const c of all.items) byName[c.contact.name ?? ''] = c;
    await admin.ok('POST', `/api/conversations/${byName['Ada Lovelace']!.id}/assign`, {
      assigneeId: me.id,
    });
    await admin.ok('POST', `/api/conversations/${byName['Cy Young']!.id}/close`);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('filters by assignee, inbox, text, number and status, each alone and combined', async () => {
    const inboxOfBob = byName['Bob 100% Sure']!.inboxId;
    expect(await list('status=open')).toEqual(['Ada Lovelace', 'Bob 100% Sure']);
    expect(await list('status=open&assignee=mine')).toEqual(['Ada Lovelace']);
    expect(await list('status=open&assignee=unassigned')).toEqual(['Bob 100% Sure']);
    expect(await list(`status=open&inboxId=${inboxOfBob}&assignee=unassigned`)).toEqual([
      'Bob 100% Sure',
    ]);
    expect(await list('status=closed')).toEqual(['Cy Young']);
    expect(await list('status=open&channel=api&q=ada%40example')).toEqual(['Ada Lovelace']);
    // % and _ are literal characters in the box, not wildcards.
    expect(await list('status=open&q=100%25')).toEqual(['Bob 100% Sure']);
    expect(await list('status=open&q=1_0')).toEqual([]);
    expect(await list(`status=open&q=%23${byName['Ada Lovelace']!.number}`)).toEqual([
      'Ada Lovelace',
    ]);
    // The first shape again, after all the others: still the same answer.
    expect(await list('status=open')).toEqual(['Ada Lovelace', 'Bob 100% Sure']);
  });

  it('counts follow the same filters', async () => {
    expect(await counts('')).toEqual({ open: 2, snoozed: 0, closed: 1, nextSnoozeDueInMs: null });
    expect(await counts('assignee=mine')).toEqual({
      open: 1,
      snoozed: 0,
      closed: 0,
      nextSnoozeDueInMs: null,
    });
    expect(await counts('q=young')).toEqual({
      open: 0,
      snoozed: 0,
      closed: 1,
      nextSnoozeDueInMs: null,
    });
    expect(await counts('channel=webchat')).toEqual({
      open: 0,
      snoozed: 0,
      closed: 0,
      nextSnoozeDueInMs: null,
    });
  });

  it('pages with the keyset cursor at any page size without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<ConversationSummaryDto> = await admin.ok(
        'GET',
        `/api/conversations?status=open&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(2);
  });
});
