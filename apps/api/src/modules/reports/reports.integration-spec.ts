import type { AccountDto, InboxDto, ReportDto, ReportNowDto } from '@switchboard/contracts';
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
import { In, IsNull } from 'typeorm';
import { DurableEventConsumersService } from '../../core/events/durable-event-consumers.service';
import { EventEntity } from '../../core/events/entities/event.entity';
import { EventLogService } from '../../core/events/event-log.service';
import { createOperator } from '../accounts/create-account';
import { AccountEntity } from '../accounts/entities/account.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { InboxEntity } from '../inboxes/entities/inbox.entity';
import { SlaTargetEntity } from '../sla/entities/sla-target.entity';
import { ReportConversationStateEntity } from './entities/report-conversation-state.entity';
import { ReportCycleEntity } from './entities/report-cycle.entity';
import { ReportDailyEntity } from './entities/report-daily.entity';
import { ReportResponseEntity } from './entities/report-response.entity';
import { appendAt, synthetic as ev, type SyntheticConversation } from './testing/report-events';

/**
 * Reports against a real database: one conversation through the real pipeline end to end, then a
 * hand-computed Europe/Berlin scenario across the DST change (2026-10-25 has 25 hours) driven
 * through the real consumer with events at chosen instants: two reopens, a merge, business
 * hours, first and next responses per operator, SLA, CSAT/NPS, groupings and week/month buckets.
 */
describe('reports', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let accountId: string;
  let adminId: string;
  let inbox: InboxDto;
  let customer: ApiChannelCustomer;
  // The consumer sees events once numbered, which happens just after their commit.
  const drain = async () => {
    await eventually(
      async () =>
        (await api.dataSource
          .getRepository(EventEntity)
          .countBy({ accountId, cursor: IsNull() })) === 0,
    );
    await api.app.get(DurableEventConsumersService).drain();
  };
  const report = (q: string) => admin.ok<ReportDto>('GET', `/api/reports?${q}`);
  const conversationOf = (externalId: string) =>
    api.dataSource
      .getRepository(ConversationEntity)
      .createQueryBuilder('c')
      .innerJoin('c.identity', 'ci')
      .where('ci.external_id = :externalId', { externalId })
      .getOneOrFail();

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const login = await loginAs(api.baseUrl);
    admin = login.client;
    const account = await api.dataSource.getRepository(AccountEntity).findOneOrFail({ where: {} });
    accountId = account.id;
    await api.dataSource.transaction((em) =>
      createOperator(em, accountId, {
        email: 'bea@test.local',
        name: 'Bea',
        password: 'agent-password-123',
        role: 'agent',
      }),
    );
    agent = (await loginAs(api.baseUrl, 'bea@test.local', 'agent-password-123')).client;
    adminId = (await admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    ({ inbox, customer } = await createApiInbox(admin));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('counts a conversation that went through the real pipeline, and refuses what it must', async () => {
    await customer.say('Where is my parcel?', undefined, { id: 'live-1', name: 'Live' });
    const conv = await conversationOf('live-1');
    await admin.ok('POST', `/api/conversations/${conv.id}/messages`, { text: 'Looking' });
    await customer.say('Thanks, and the invoice?', undefined, { id: 'live-1', name: 'Live' });
    await admin.ok('POST', `/api/conversations/${conv.id}/messages`, { text: 'Sent' });
    await admin.ok('POST', `/api/conversations/${conv.id}/close`);
    await drain();

    const today = new Date().toISOString().slice(0, 10);
    const r = await report(`from=${today}&to=${today}&groupBy=operator`);
    expect(r.timezone).toBe('UTC');
    expect(r.totals).toMatchObject({ newConversations: 1, replies: 2, closed: 1, backlog: 0 });
    expect(r.totals.firstResponse.count).toBe(1);
    expect(r.totals.nextResponse.count).toBe(1);
    expect(r.totals.resolution.count).toBe(1);
    expect(r.totals.firstResponse.median).toBeGreaterThan(0);
    const mine = r.series.find((s) => s.key === adminId);
    expect(mine?.totals).toMatchObject({ replies: 2, closed: 0 });
    // Closing counts for the assignee at the time: nobody.
    expect(r.series.find((s) => s.key === null)?.totals).toMatchObject({ closed: 1, replies: 0 });

    const now = await admin.ok<ReportNowDto>('GET', '/api/reports/now');
    expect(now).toMatchObject({ open: 0, unassigned: 0, longestWaiting: null, queued: 0 });
    expect(now.operators.map((o) => o.name).sort()).toEqual(['Bea', expect.any(String)].sort());

    const csv = await fetch(
      `${api.baseUrl}/api/reports/export?from=${today}&to=${today}&table=buckets`,
      {
        headers: { authorization: `Bearer ${admin.token}` },
      },
    );
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="report-buckets/);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, row] = text.slice(1).split('\r\n');
    expect(head).toMatch(/^group_key,group,bucket_start,new,closed,/);
    expect(row).toBe(`,All,${today},1,1,0,2,0,${row!.split(',').slice(8).join(',')}`);

    // Refusals: agents, periods, a timezone nobody knows; nothing stored.
    expect((await agent.get(`/api/reports?from=${today}&to=${today}`)).status).toBe(403);
    expect((await agent.get('/api/reports/now')).status).toBe(403);
    const backwards = await admin.get<{ code: string; message: string }>(
      '/api/reports?from=2026-10-02&to=2026-10-01',
    );
    expect(backwards).toMatchObject({ status: 422, body: { code: 'INVALID_REPORT_PERIOD' } });
    expect(backwards.body.message).toMatch(/before the start/);
    const tenYears = await admin.get<{ message: string }>(
      '/api/reports?from=2016-01-01&to=2026-01-01',
    );
    expect(tenYears.status).toBe(422);
    expect(tenYears.body.message).toMatch(/at most 366/);
    expect((await admin.get('/api/reports?from=2026-02-30&to=2026-03-01')).status).toBe(422);
    expect((await admin.get('/api/reports?from=yesterday&to=2026-03-01')).status).toBe(400);
    const badZone = await admin.request<{ code: string }>('PATCH', '/api/account', {
      timezone: 'Mars/Olympus',
    });
    expect(badZone).toMatchObject({ status: 422, body: { code: 'INVALID_TIMEZONE' } });
    expect(
      (await agent.request('PATCH', '/api/account', { timezone: 'Europe/Berlin' })).status,
    ).toBe(403);
    expect((await agent.ok<AccountDto>('GET', '/api/account')).timezone).toBe('UTC');
  });

  it('matches a hand-computed Berlin scenario across the DST change', async () => {
    const berlin = await admin.ok<AccountDto>('PATCH', '/api/account', {
      timezone: 'Europe/Berlin',
    });
    expect(berlin.timezone).toBe('Europe/Berlin');
    const bId = (await agent.ok<{ id: string }>('GET', '/api/auth/me')).id;
    const a = adminId;
    const email = (await createApiInbox(admin, 'Second inbox')).inbox;
    // Inbox 1 opens Mon–Fri 09:00–17:00 Berlin time; the second is always open.
    await api.dataSource.getRepository(InboxEntity).update(inbox.id, {
      businessHours: {
        timezone: 'Europe/Berlin',
        intervals: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
        holidays: [],
      },
    });
    // Real conversations (the tag dimension joins their current tags); their live facts are
    // cleared so that only the scenario's events count.
    const ids: string[] = [];
    for (const name of ['c1', 'c2', 'c3', 'c4']) {
      await customer.say('hi', undefined, { id: name, name });
      ids.push((await conversationOf(name)).id);
    }
    await admin.ok('POST', `/api/conversations/${ids[0]}/tags`, { name: 'vip' });
    await admin.ok('POST', `/api/conversations/${ids[1]}/tags`, { name: 'vip' });
    await drain();
    for (const e of [
      ReportDailyEntity,
      ReportResponseEntity,
      ReportCycleEntity,
      ReportConversationStateEntity,
    ])
      await api.dataSource.getRepository(e).delete({ conversationId: In(ids) });

    const c1: SyntheticConversation = {
      id: ids[0]!,
      inboxId: inbox.id,
      channel: 'api',
      assigneeId: a,
    };
    const c2: SyntheticConversation = {
      id: ids[1]!,
      inboxId: inbox.id,
      channel: 'api',
      assigneeId: bId,
    };
    const c2a = { ...c2, assigneeId: a };
    const c3: SyntheticConversation = {
      id: ids[2]!,
      inboxId: email.id,
      channel: 'email',
      assigneeId: null,
    };
    const c4: SyntheticConversation = {
      id: ids[3]!,
      inboxId: email.id,
      channel: 'email',
      assigneeId: a,
    };
    // C2's first response is due at 08:15 and met at 08:10.
    await api.dataSource.getRepository(SlaTargetEntity).insert({
      accountId,
      conversationId: c2.id,
      target: 'first_response',
      policyId: null,
      startedAt: new Date('2026-10-26T08:00:00Z'),
      dueAt: new Date('2026-10-26T08:15:00Z'),
      state: 'running',
    });
    const by = { id: a, name: 'Admin' };
    const closed = { type: 'status_changed', from: 'open', to: 'closed', by } as const;
    await appendAt(api.dataSource, api.app.get(EventLogService), accountId, [
      // Friday 16:00 CEST: C1 asks; answered Monday 09:30 CET, closed at 10:00 CET.
      ['2026-10-23T14:00:00Z', ev.created(c1)],
      ['2026-10-23T14:00:00Z', ev.customer(c1)],
      // The DST day: C3 from 00:05 CEST to 23:30 CET on the 25th (24 h 25 min).
      ['2026-10-24T22:05:00Z', ev.created(c3)],
      ['2026-10-25T22:30:00Z', ev.activity(c3, closed)],
      ['2026-10-26T08:00:00Z', ev.created(c2)],
      ['2026-10-26T08:00:00Z', ev.customer(c2)],
      ['2026-10-26T08:10:00Z', ev.reply(c2, bId)],
      ['2026-10-26T08:20:00Z', ev.customer(c2)],
      ['2026-10-26T08:25:00Z', ev.customer(c2)],
      ['2026-10-26T08:30:00Z', ev.reply(c1, a)],
      ['2026-10-26T08:40:00Z', ev.reply(c2, bId)],
      ['2026-10-26T09:00:00Z', ev.activity(c1, closed)],
      ['2026-10-26T09:00:00Z', ev.activity(c2, closed)],
      ['2026-10-26T09:00:00Z', ev.breached(c1, '2026-10-26T09:00:00Z')],
      // C4 asks at 09:50 and is merged into C2, which was reopened by its customer at 10:00.
      ['2026-10-26T09:40:00Z', ev.created(c4)],
      ['2026-10-26T09:50:00Z', ev.customer(c4)],
      ['2026-10-26T10:00:00Z', ev.activity(c2a, { type: 'reopened_by_customer' })],
      ['2026-10-26T10:00:00Z', ev.customer(c2a)],
      [
        '2026-10-26T10:02:00Z',
        ev.activity(c4, {
          type: 'merged_into',
          by,
          target: { id: c2.id, number: 1 },
          movedCount: 1,
        }),
      ],
      ['2026-10-26T10:05:00Z', ev.reply(c2a, a)],
      ['2026-10-26T11:00:00Z', ev.activity(c2a, closed)],
      [
        '2026-10-26T12:00:00Z',
        ev.activity(c2, { type: 'status_changed', from: 'closed', to: 'open', by }),
      ],
      ['2026-10-26T12:30:00Z', ev.activity(c2, closed)],
      ['2026-10-26T13:00:00Z', ev.survey(c1, 'csat', 5)],
      ['2026-10-26T13:00:00Z', ev.survey(c3, 'csat', 2)],
      ['2026-10-26T13:00:00Z', ev.survey(c2, 'nps', 9)],
      ['2026-10-26T13:00:00Z', ev.survey(c1, 'nps', 3)],
    ] as const);
    await drain();

    const period = 'from=2026-10-23&to=2026-10-26';
    const r = await report(period);
    const day = (d: string) => r.series[0]!.buckets.find((b) => b.start === d)!.metrics;
    expect(r.series[0]!.buckets.map((b) => b.start)).toEqual([
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ]);
    // C3 began at 00:05 local on the 25th (the 24th in UTC); the merged C4 is not closed.
    expect([23, 24, 25, 26].map((d) => day(`2026-10-${d}`).newConversations)).toEqual([1, 0, 1, 2]);
    expect([23, 24, 25, 26].map((d) => day(`2026-10-${d}`).closed)).toEqual([0, 0, 1, 4]);
    expect([23, 24, 25, 26].map((d) => day(`2026-10-${d}`).backlog)).toEqual([1, 1, 1, 0]);
    expect(r.totals).toMatchObject({
      newConversations: 4,
      closed: 5,
      reopened: 2,
      replies: 4,
      backlog: 0,
      // Friday 16:00 CEST to Monday 09:30 CET is 66.5 hours; C2 waited 10 minutes.
      firstResponse: { count: 2, median: 120_000, p90: 215_520, average: 120_000 },
      // C2 waited 20 min from 08:20; then from 09:50 (C4's question, merged in) to 10:05.
      nextResponse: { count: 2, median: 1_050, p90: 1_170, average: 1_050 },
      // 1800, 3600, 3600, 87 900 (the 25-hour day), 241 200.
      resolution: { count: 5, median: 3_600, p90: 179_880, average: 67_620 },
      sla: { met: 1, breached: 1, compliance: 0.5 },
      csat: { responses: 2, average: 3.5, satisfiedShare: 0.5 },
      nps: { responses: 2, score: 0 },
    });

    // In business hours: Friday 16–17 and Monday 09–09:30 make 90 minutes.
    const bh = await report(`${period}&businessHours=true`);
    expect(bh.totals.firstResponse).toMatchObject({ count: 2, median: 3_000, p90: 4_920 });
    expect(bh.totals.resolution).toMatchObject({ count: 5, median: 3_600 });

    const byOperator = await report(`${period}&groupBy=operator`);
    const op = (id: string | null) => byOperator.series.find((s) => s.key === id)!.totals;
    expect(op(a)).toMatchObject({
      replies: 2,
      closed: 2,
      firstResponse: { count: 1, median: 239_400 },
      nextResponse: { count: 1, median: 900 },
    });
    expect(op(bId)).toMatchObject({
      replies: 2,
      closed: 2,
      firstResponse: { count: 1, median: 600 },
      nextResponse: { count: 1, median: 1_200 },
    });
    expect(op(null)).toMatchObject({ closed: 1, replies: 0 });
    expect(byOperator.totals.closed).toBe(5);

    const byChannel = await report(`${period}&groupBy=channel`);
    expect(
      byChannel.series.map((s) => [s.key, s.totals.newConversations, s.totals.closed]),
    ).toEqual([
      ['api', 2, 4],
      ['email', 2, 1],
    ]);
    const byInbox = await report(`${period}&groupBy=inbox`);
    expect(byInbox.series.map((s) => [s.label, s.totals.closed])).toEqual([
      ['API inbox', 4],
      ['Second inbox', 1],
    ]);
    // By current tags: C4's facts count in C2 (tagged vip) since the merge.
    const byTag = await report(`${period}&groupBy=tag`);
    expect(
      byTag.series.map((s) => [
        s.label,
        s.totals.newConversations,
        s.totals.closed,
        s.totals.firstResponse.count,
      ]),
    ).toEqual([['vip', 3, 4, 2]]);
    expect(byTag.totals.newConversations).toBe(4);

    const weeks = await report(`${period}&bucket=week`);
    expect(
      weeks.series[0]!.buckets.map((b) => [b.start, b.metrics.newConversations, b.metrics.backlog]),
    ).toEqual([
      ['2026-10-23', 2, 1],
      ['2026-10-26', 2, 0],
    ]);
    const months = await report('from=2026-09-15&to=2026-10-31&bucket=month');
    expect(
      months.series[0]!.buckets.map((b) => [b.start, b.metrics.newConversations, b.metrics.closed]),
    ).toEqual([
      ['2026-09-15', 0, 0],
      ['2026-10-01', 4, 5],
    ]);
  });
});
