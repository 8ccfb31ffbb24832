import type {
  ConversationCountsDto,
  ConversationSummaryDto,
  MessageDto,
  Page,
  ReportNowDto,
  RoutingOperatorLoadDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  eventually,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { SnoozeSweeperService } from './snooze-sweeper.service';

// A snooze is back in the open feed at its time, not when the sweeper gets to write it: in a
// storm of 100,000 the writes take tens of seconds (docs/benchmarks.md). Here the sweeper of the
// API under test is stopped, so only the feed's own reading can bring the conversation back.
describe('a due snooze, before the sweeper writes it', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  const ids: Record<'due' | 'later' | 'open', string> = { due: '', later: '', open: '' };
  let dueAt = '';
  let adminId = '';

  const feed = (query: string) =>
    admin.ok<Page<ConversationSummaryDto>>('GET', `/api/conversations?${query}`);
  const feedIds = async (query: string) => (await feed(query)).items.map((c) => c.id);
  const storedStatus = async (id: string) =>
    (await api.dataSource.getRepository(ConversationEntity).findOneByOrFail({ id })).status;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    await api.app.get(SnoozeSweeperService).onApplicationShutdown();
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminId = session.login.operator.id;
    const { customer, inbox } = await createApiInbox(admin);
    // Oldest first: `due`, `later`, then `open`, the newest activity.
    for (const key of ['due', 'later', 'open'] as const) {
      await customer.say(`hello from ${key}`, `m-${key}`, { id: key, name: `Customer ${key}` });
      const [conv] = (await feed(`status=open&inboxId=${inbox.id}&limit=1`)).items;
      ids[key] = conv!.id;
    }
    await admin.ok('POST', `/api/conversations/${ids.due}/assign`, { assigneeId: adminId });
    // Far enough ahead for every "before" check below on a busy CI runner (1.5 s was not).
    dueAt = new Date(Date.now() + 4_000).toISOString();
    await admin.ok('POST', `/api/conversations/${ids.due}/snooze`, { until: dueAt });
    await admin.ok('POST', `/api/conversations/${ids.later}/snooze`, {
      until: new Date(Date.now() + 3_600_000).toISOString(),
    });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('is in the open feed from its time, first, as open, with the counts moved', async () => {
    expect(await feedIds('status=open')).toEqual([ids.open]);
    const askedAt = Date.now();
    const before = await admin.ok<ConversationCountsDto>('GET', '/api/conversations/counts');
    const answeredAt = Date.now();
    expect(before).toMatchObject({ open: 1, snoozed: 2, closed: 0 });
    // When the inbox should look again: the earlier snooze's time, in the server's clock.
    expect(before.nextSnoozeDueInMs).toBeGreaterThanOrEqual(Date.parse(dueAt) - answeredAt - 50);
    expect(before.nextSnoozeDueInMs).toBeLessThanOrEqual(Date.parse(dueAt) - askedAt + 50);
    // Other filters count other snoozes: none in another inbox.
    const elsewhere = await admin.ok<ConversationCountsDto>(
      'GET',
      `/api/conversations/counts?inboxId=${(await createApiInbox(admin, 'Elsewhere')).inbox.id}`,
    );
    expect(elsewhere.nextSnoozeDueInMs).toBeNull();
    // What else counts open conversations: the live report and routing's per-operator load.
    const live = async () => {
      const now = await admin.ok<ReportNowDto>('GET', '/api/reports/now');
      const loads = await admin.ok<RoutingOperatorLoadDto[]>('GET', '/api/routing/operators');
      const mine = loads.find((l) => l.operatorId === adminId);
      return { open: now.open, unassigned: now.unassigned, assignedToMe: mine?.openAssigned };
    };
    expect(await live()).toEqual({ open: 1, unassigned: 1, assignedToMe: 0 });
    expect(Date.now()).toBeLessThan(Date.parse(dueAt)); // all of the above ran before its time
    await new Promise((r) => setTimeout(r, Date.parse(dueAt) - Date.now() + 100));
    expect(await live()).toEqual({ open: 2, unassigned: 1, assignedToMe: 1 });

    expect(await storedStatus(ids.due)).toBe('snoozed');
    const open = await feed('status=open');
    expect(open.items.map((c) => c.id)).toEqual([ids.due, ids.open]);
    expect(open.items[0]).toMatchObject({
      status: 'open',
      snoozedUntil: null,
      lastActivityAt: dueAt,
    });
    expect(await feedIds('status=snoozed')).toEqual([ids.later]);
    // The next look is the hour-long snooze's: the due one, not yet written, is not counted again.
    const after = await admin.ok<ConversationCountsDto>('GET', '/api/conversations/counts');
    expect(after).toMatchObject({ open: 2, snoozed: 1, closed: 0 });
    expect(after.nextSnoozeDueInMs).toBeGreaterThan(3_500_000);
    expect(
      await admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${ids.due}`),
    ).toMatchObject({ status: 'open', snoozedUntil: null });
    // Filters apply to it as to any open conversation: search words, another inbox, priority.
    expect(await feedIds(`status=open&q=${encodeURIComponent('Customer due')}`)).toEqual([ids.due]);
    expect(
      await feedIds(`status=open&inboxId=${(await createApiInbox(admin, 'Other')).inbox.id}`),
    ).toEqual([]);
    expect(await feedIds('status=open&sort=priority')).toEqual([ids.due, ids.open]);
  });

  it('pages through both kinds in one order, by cursor', async () => {
    for (const sort of ['', '&sort=priority']) {
      const first = await feed(`status=open&limit=1${sort}`);
      expect(first.items.map((c) => c.id)).toEqual([ids.due]);
      const second = await feed(`status=open&limit=1${sort}&cursor=${first.nextCursor!}`);
      expect(second.items.map((c) => c.id)).toEqual([ids.open]);
      expect(second.nextCursor).toBeNull();
    }
  });

  it('keeps its place when the sweeper writes it, once, at the moment it came back', async () => {
    const before = (await feed('status=open')).items;
    const second = await startTestApi({ databaseUrl: db.url });
    try {
      await eventually(async () => (await storedStatus(ids.due)) === 'open', 5_000);
    } finally {
      await second.close();
    }
    const after = (await feed('status=open')).items;
    expect(after.map((c) => [c.id, c.lastActivityAt])).toEqual(
      before.map((c) => [c.id, c.lastActivityAt]),
    );
    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${ids.due}/messages`,
    );
    expect(timeline.items.filter((m) => m.activity?.type === 'snooze_expired')).toHaveLength(1);
    expect(await storedStatus(ids.later)).toBe('snoozed');
  });
});
