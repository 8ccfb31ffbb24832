import type {
  ApiErrorDto,
  ConversationSummaryDto,
  ConversationTimeDto,
  MessageDto,
  Page,
  TimeHeartbeatDto,
  TimeReportDto,
  TimeReportRowDto,
} from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startTestApi,
  type ApiClient,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { createAccount, createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { TimeEntryEntity } from './entities/time-entry.entity';

type Feed = Page<ConversationSummaryDto>;

/**
 * Time tracking over real PostgreSQL: heartbeats accumulate into segments, a forged heartbeat is
 * capped by wall time, other accounts' and hidden conversations are 404, corrections need a reason
 * and never take the time below 0, and the report per operator, inbox, tag and contact adds up to
 * the entries, with the cost of the inbox's hourly rate.
 */
describe('time tracking', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let adminId: string;
  let agnes: ApiClient;
  let agnesId: string;
  let stranger: ApiClient;
  let strangerConversationId: string;
  let supportInboxId: string;
  let salesInboxId: string;
  let ann: ConversationSummaryDto;
  let bob: ConversationSummaryDto;

  const beat = (client: ApiClient, conversationId: string, seconds: number) =>
    client.request<TimeHeartbeatDto>(
      'POST',
      `/api/conversations/${conversationId}/time/heartbeat`,
      { seconds },
    );
  const credited = async (client: ApiClient, conversationId: string, seconds: number) => {
    const res = await beat(client, conversationId, seconds);
    expect(res.status).toBe(200);
    return res.body.credited;
  };
  const timeOf = (client: ApiClient, conversationId: string) =>
    client.ok<ConversationTimeDto>('GET', `/api/conversations/${conversationId}/time`);
  const adjust = (client: ApiClient, conversationId: string, body: unknown) =>
    client.request<ConversationTimeDto & ApiErrorDto>(
      'POST',
      `/api/conversations/${conversationId}/time/adjustments`,
      body,
    );
  /** Lets `seconds` of wall time pass for every stored entry, without waiting. */
  const age = (seconds: number) =>
    api.dataSource.query(
      `UPDATE time_entries SET started_at = started_at - make_interval(secs => $1),
         last_beat_at = last_beat_at - make_interval(secs => $1)`,
      [seconds],
    );
  const entryCount = () => api.dataSource.getRepository(TimeEntryEntity).count();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    adminId = session.login.operator.id;
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    await api.dataSource.transaction(async (em) => {
      await createOperator(em, account.id, {
        email: 'agnes@test.local',
        name: 'Agnes',
        password: 'agent-password-123',
        role: 'agent',
      });
      const other = await createAccount(em, 'Other company');
      await createOperator(em, other, {
        email: 'stranger@other.test',
        name: 'Stranger',
        password: 'stranger-password-123',
        role: 'admin',
      });
    });
    const agnesLogin = await loginAs(api.baseUrl, 'agnes@test.local', 'agent-password-123');
    agnes = agnesLogin.client;
    agnesId = agnesLogin.login.operator.id;
    stranger = (await loginAs(api.baseUrl, 'stranger@other.test', 'stranger-password-123')).client;

    const support = await createApiInbox(admin, 'Support');
    const sales = await createApiInbox(admin, 'Sales');
    supportInboxId = support.inbox.id;
    salesInboxId = sales.inbox.id;
    // Sales is closed to Agnes: only the admin is its member.
    await admin.ok('PUT', `/api/inboxes/${salesInboxId}/access`, {
      operatorIds: [adminId],
      teamIds: [],
    });
    await support.customer.say('My order is late', 'm-ann', { id: 'ann', name: 'Ann' });
    await sales.customer.say('A quote please', 'm-bob', { id: 'bob', name: 'Bob' });
    const feed = (await admin.ok<Feed>('GET', '/api/conversations?status=open')).items;
    const found = (inboxId: string) => feed.find((c) => c.inboxId === inboxId);
    const a = found(supportInboxId);
    const b = found(salesInboxId);
    if (!a || !b) throw new Error('conversations were not opened');
    [ann, bob] = [a, b];
    await admin.ok('POST', `/api/conversations/${ann.id}/tags`, { name: 'vip' });

    const theirs = await createApiInbox(stranger, 'Theirs');
    await theirs.customer.say('not yours', 'm-theirs');
    const theirFeed = await stranger.ok<Feed>('GET', '/api/conversations');
    strangerConversationId = theirFeed.items[0]?.id ?? '';
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('accumulates heartbeats into segments and caps a forged one by wall time', async () => {
    expect(await credited(admin, ann.id, 5)).toBe(5);
    await age(15);
    // Ten hours claimed after 15 s: the 15 s that passed, no more.
    expect(await credited(admin, ann.id, 36_000)).toBe(15);
    await age(60);
    // A minute passed, but one heartbeat adds at most 20 s.
    expect(await credited(admin, ann.id, 36_000)).toBe(20);
    const before = Date.now();
    const again = await credited(admin, ann.id, 36_000);
    // Right after the last: at most the second or so that really passed.
    expect(again).toBeLessThanOrEqual(Math.ceil((Date.now() - before) / 1000) + 1);
    expect(await credited(admin, ann.id, 0)).toBe(0);

    // After a pause longer than a segment's gap, the next heartbeat starts a new segment.
    await age(600);
    expect(await credited(admin, ann.id, 12)).toBe(12);
    await age(30);
    expect(await credited(admin, bob.id, 18)).toBe(18);
    expect(await credited(agnes, ann.id, 9)).toBe(9);

    const time = await timeOf(admin, ann.id);
    const mine = 5 + 15 + 20 + again + 12;
    expect(time).toMatchObject({ totalSeconds: mine + 9, mineSeconds: mine });
    expect(time.operators).toEqual([
      { operator: { id: adminId, name: expect.any(String) }, seconds: mine },
      { operator: { id: agnesId, name: 'Agnes' }, seconds: 9 },
    ]);
    const adminSegments = time.entries.filter(
      (e) => e.source === 'tracked' && e.operator.id === adminId,
    );
    expect(adminSegments.map((e) => e.seconds)).toEqual([12, mine - 12]);
    expect((await timeOf(agnes, ann.id)).mineSeconds).toBe(9);
  });

  it("answers 404 for another account's conversation and one the operator may not see", async () => {
    const entries = await entryCount();
    for (const [client, id] of [
      [admin, strangerConversationId],
      [agnes, bob.id],
      [admin, 'not-a-uuid'],
    ] as const) {
      expect((await beat(client, id, 5)).status).toBe(404);
      expect(
        (
          await adjust(client, id, {
            seconds: 60,
            reason: 'call',
          })
        ).status,
      ).toBe(404);
      expect((await client.request('GET', `/api/conversations/${id}/time`)).status).toBe(404);
    }
    expect(await entryCount()).toBe(entries);
  });

  it('takes corrections with a reason, shows who and why, and never goes below 0', async () => {
    const entries = await entryCount();
    const refused = [
      [{ seconds: 600 }, 400, 'VALIDATION_FAILED'],
      [{ seconds: 600, reason: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ seconds: 0, reason: 'nothing' }, 400, 'VALIDATION_FAILED'],
      [{ seconds: 600, reason: 'call\u0000' }, 422, 'INVALID_CHARACTERS'],
      [{ seconds: -10, reason: 'too much' }, 422, 'INVALID_TIME_ADJUSTMENT'],
      [{ seconds: 60, reason: 'for her', operatorId: adminId }, 403, 'FORBIDDEN'],
    ] as const;
    for (const [body, status, code] of refused) {
      const res = await adjust(agnes, ann.id, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect(await entryCount()).toBe(entries);

    const added = await adjust(agnes, ann.id, { seconds: 600, reason: 'Phone call with Ann' });
    expect(added.status).toBe(201);
    expect(added.body.mineSeconds).toBe(609);
    expect(added.body.entries[0]).toMatchObject({
      source: 'manual',
      seconds: 600,
      reason: 'Phone call with Ann',
      operator: { id: agnesId },
      by: { id: agnesId, name: 'Agnes' },
    });
    // An admin corrects Agnes's time; removing more than she has is refused.
    const tooMuch = await adjust(admin, ann.id, {
      seconds: -610,
      reason: 'double counted',
      operatorId: agnesId,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.message).toContain('609');
    const removed = await adjust(admin, ann.id, {
      seconds: -109,
      reason: 'Left the tab open',
      operatorId: agnesId,
    });
    expect(removed.status).toBe(201);
    expect((await timeOf(agnes, ann.id)).mineSeconds).toBe(500);
    expect(removed.body.entries[0]).toMatchObject({
      seconds: -109,
      operator: { id: agnesId },
      by: { id: adminId },
    });

    const timeline = await admin.ok<Page<MessageDto>>(
      'GET',
      `/api/conversations/${ann.id}/messages`,
    );
    const activities = timeline.items.flatMap((m) =>
      m.activity?.type === 'time_adjusted' ? [m.activity] : [],
    );
    expect(activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ seconds: 600, reason: 'Phone call with Ann' }),
        expect.objectContaining({ seconds: -109, operator: { id: agnesId, name: 'Agnes' } }),
      ]),
    );
  });

  it('reports time per operator, inbox, tag and contact with the cost of the hourly rate', async () => {
    const badRate = await admin.request('PUT', `/api/inboxes/${supportInboxId}/time-rate`, {
      hourlyRate: 60,
      currency: null,
    });
    expect(badRate.status).toBe(400);
    await admin.ok('PUT', `/api/inboxes/${supportInboxId}/time-rate`, {
      hourlyRate: 60,
      currency: 'EUR',
    });
    expect(await agnes.ok('GET', `/api/inboxes/${supportInboxId}/time-rate`)).toEqual({
      inboxId: supportInboxId,
      hourlyRate: 60,
      currency: 'EUR',
    });

    const annTime = await timeOf(admin, ann.id);
    const bobTime = await timeOf(admin, bob.id);
    const adminOnAnn = annTime.operators.find((o) => o.operator.id === adminId)?.seconds ?? 0;
    const eur = (seconds: number) => ({
      amount: Math.round((seconds / 60) * 100) / 100,
      currency: 'EUR',
    });
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const report = async (groupBy: string) =>
      (
        await admin.ok<TimeReportDto>(
          'GET',
          `/api/reports/time?from=${yesterday}&to=${today}&groupBy=${groupBy}`,
        )
      ).rows;
    const row = (
      key: string | null,
      label: string,
      seconds: number,
      conversations: number,
      cost: { amount: number; currency: string } | null,
    ): TimeReportRowDto => ({
      key,
      label,
      seconds,
      conversations,
      cost,
      costs: cost ? [cost] : [],
    });

    const adminTotal = adminOnAnn + bobTime.totalSeconds;
    expect(await report('operator')).toEqual([
      row(agnesId, 'Agnes', 500, 1, eur(500)),
      row(adminId, expect.any(String), adminTotal, 2, eur(adminOnAnn)),
    ]);
    expect(await report('inbox')).toEqual([
      row(supportInboxId, 'Support', annTime.totalSeconds, 1, eur(annTime.totalSeconds)),
      row(salesInboxId, 'Sales', bobTime.totalSeconds, 1, null),
    ]);
    expect(await report('tag')).toEqual([
      row(expect.any(String), 'vip', annTime.totalSeconds, 1, eur(annTime.totalSeconds)),
      row(null, 'No tag', bobTime.totalSeconds, 1, null),
    ]);
    expect(await report('contact')).toEqual([
      row(ann.contact.id, 'Ann', annTime.totalSeconds, 1, eur(annTime.totalSeconds)),
      row(bob.contact.id, 'Bob', bobTime.totalSeconds, 1, null),
    ]);
    // Before the entries: nothing.
    expect(
      (await admin.ok<TimeReportDto>('GET', '/api/reports/time?from=2020-01-01&to=2020-01-31'))
        .rows,
    ).toEqual([]);

    const csv = await admin.request<string>(
      'GET',
      `/api/reports/time?from=${yesterday}&to=${today}&groupBy=contact&format=csv`,
    );
    expect(csv.status).toBe(200);
    // (fetch's decoder drops the byte-order mark the file starts with)
    expect(csv.body.split('\r\n')).toEqual([
      'key,label,seconds,hours,conversations,cost,currency',
      `${ann.contact.id},Ann,${annTime.totalSeconds},${(annTime.totalSeconds / 3600).toFixed(2)},1,${eur(annTime.totalSeconds).amount.toFixed(2)},EUR`,
      `${bob.contact.id},Bob,${bobTime.totalSeconds},${(bobTime.totalSeconds / 3600).toFixed(2)},1,,`,
      '',
    ]);

    for (const [query, status] of [
      [`from=${today}&to=${yesterday}`, 422],
      ['from=2024-01-01&to=2025-01-01', 422],
      ['from=2024-02-30&to=2024-03-01', 422],
      ['from=2024-01-01', 400],
      ['from=2024-01-01&to=2024-01-02&groupBy=team', 400],
    ] as const) {
      const res = await admin.request<ApiErrorDto>('GET', `/api/reports/time?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status });
    }
    expect(
      (await admin.request('GET', '/api/reports/time?from=2024-01-01&to=2024-12-31')).status,
    ).toBe(200);
    expect((await agnes.request('GET', `/api/reports/time?from=${today}&to=${today}`)).status).toBe(
      403,
    );
  });

  it('dates a correction on the local day the work was done, and refuses a day it cannot be', async () => {
    // Kiritimati is 14 hours ahead: its day is not UTC's for most of the day.
    const timezone = 'Pacific/Kiritimati';
    await admin.ok('PATCH', '/api/account', { timezone });
    try {
      const localDay = (offsetDays: number) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(
          new Date(Date.now() + offsetDays * 86_400_000),
        );
      const entries = await entryCount();
      for (const [day, status] of [
        [localDay(1), 422],
        [localDay(-400), 422],
        ['2026-13-45', 400],
        ['yesterday', 400],
      ] as const) {
        const res = await adjust(admin, bob.id, { seconds: 60, reason: 'call', day });
        expect({ day, status: res.status }).toEqual({ day, status });
      }
      expect(await entryCount()).toBe(entries);

      const day = localDay(-3);
      const dated = await adjust(admin, bob.id, { seconds: 1_200, reason: 'Visit', day });
      expect(dated.status).toBe(201);
      // Noon there is 22:00 UTC the day before.
      const previous = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000);
      expect(dated.body.entries.find((e) => e.reason === 'Visit')?.startedAt).toBe(
        `${previous.toISOString().slice(0, 10)}T22:00:00.000Z`,
      );
      const onThatDay = await admin.ok<TimeReportDto>(
        'GET',
        `/api/reports/time?from=${day}&to=${day}&groupBy=operator`,
      );
      expect(onThatDay.rows.map((r) => [r.key, r.seconds])).toEqual([[adminId, 1_200]]);
      // Today (the default) is now.
      const now = await adjust(admin, bob.id, { seconds: 60, reason: 'Now', day: localDay(0) });
      const at = Date.parse(now.body.entries.find((e) => e.reason === 'Now')!.startedAt);
      expect(Math.abs(at - Date.now())).toBeLessThan(60_000);
    } finally {
      await admin.ok('PATCH', '/api/account', { timezone: 'UTC' });
    }
  });
});
