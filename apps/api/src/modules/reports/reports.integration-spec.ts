import { randomUUID } from 'node:crypto';
import { tagCases } from './testing/tag-report-shapes';
import type { AccountDto, InboxDto, ReportDto, ReportNowDto } from '@switchboard/contracts';
import type { ApiChannelCustomer, ApiClient, TestApi } from '@switchboard/testing';
import { ReportCells1797790000000 } from '../../core/database/migrations/1797790000000-report-cells';
import { EventLogService } from '../../core/events/event-log.service';
import { ReportConversationStateEntity } from './entities/report-conversation-state.entity';
import { ReportCounterCellEntity } from './entities/report-counter-cell.entity';
import { ReportCycleEntity } from './entities/report-cycle.entity';
import { ReportDailyEntity } from './entities/report-daily.entity';
import { ReportSpanEntity } from './entities/report-span.entity';
import { ReportTimeCellEntity } from './entities/report-time-cell.entity';
import { seedBerlinScenario } from './testing/berlin-scenario';
import { appendAt, synthetic as ev, type SyntheticConversation } from './testing/report-events';
import { startReportsTest, type ReportsTestContext } from './testing/reports-test-kit';

/**
 * Reports against a real database: one conversation through the real pipeline end to end, then a
 * hand-computed Europe/Berlin scenario across the DST change (2026-10-25 has 25 hours) driven
 * through the real consumer with events at chosen instants: two reopens, a merge, business
 * hours, first and next responses per operator, SLA, CSAT/NPS, groupings and week/month buckets.
 */
describe('reports', () => {
  let t: ReportsTestContext;
  // Shorthands for the context's parts, set once it started.
  let api: TestApi;
  let admin: ApiClient;
  let agent: ApiClient;
  let accountId: string;
  let adminId: string;
  let agentId: string;
  let inbox: InboxDto;
  let customer: ApiChannelCustomer;
  const drain = () => t.drain();
  const report = (q: string) => t.report(q);
  const fromFacts = (q: string) => t.fromFacts(q);
  const conversationOf = (externalId: string) => t.conversationOf(externalId);

  beforeAll(async () => {
    t = await startReportsTest();
    ({ api, admin, agent, accountId, adminId, agentId, inbox, customer } = t);
  });

  afterAll(async () => {
    await t?.close();
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
    // The row without a group is named in the reader's language: no profile choice, so the browser's.
    const inRussian = await fetch(
      `${api.baseUrl}/api/reports/export?from=${today}&to=${today}&table=buckets`,
      { headers: { authorization: `Bearer ${admin.token}`, 'accept-language': 'ru-RU,ru;q=0.9' } },
    );
    expect((await inRussian.text()).split('\r\n')[1]).toMatch(new RegExp(`^,Все,${today},1,1,`));

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
    await seedBerlinScenario(t);
    const a = adminId;
    const bId = agentId;
    expect((await admin.ok<AccountDto>('GET', '/api/account')).timezone).toBe('Europe/Berlin');
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
      // C2's first response met its SLA: counted for whoever replied.
      sla: { met: 1, breached: 0 },
    });
    expect(op(a).sla.met).toBe(0);
    expect(op(null)).toMatchObject({ closed: 1, replies: 0 });
    expect(byOperator.totals.closed).toBe(5);

    const byChannel = await report(`${period}&groupBy=channel`);
    expect(
      byChannel.series.map((s) => [s.key, s.totals.newConversations, s.totals.closed]),
    ).toEqual([
      ['api', 2, 4],
      ['webchat', 2, 1],
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

  it('answers from the rollup cells exactly as from the facts, and rebuilds the cells from them', async () => {
    const period = 'from=2026-10-20&to=2026-11-02';
    const keys = async (groupBy: string) =>
      (await report(`${period}&groupBy=${groupBy}`)).series.map((s) => s.key!);
    const [apiInbox, secondInbox] = await keys('inbox');
    const [firstOperator] = (await keys('operator')).filter((k) => k !== null);
    const [vip] = await keys('tag');
    const nobody = '00000000-0000-4000-8000-000000000000';
    // Every grouping and bucket, with and without business hours, unfiltered; then filters that
    // make a pair of columns (an inbox split by operator, a channel split by inbox, an inbox and an
    // operator together), and two inboxes at once.
    const cases = [
      ...['none', 'channel', 'inbox', 'team', 'operator'].flatMap((groupBy) =>
        ['day', 'week', 'month'].flatMap((bucket) =>
          ['false', 'true'].map(
            (bh) => `${period}&groupBy=${groupBy}&bucket=${bucket}&businessHours=${bh}`,
          ),
        ),
      ),
      `${period}&groupBy=operator&inboxId=${apiInbox}`,
      `${period}&groupBy=inbox&channel=api&bucket=week`,
      `${period}&inboxId=${apiInbox}&operatorId=${firstOperator}&businessHours=true`,
      `${period}&groupBy=team&inboxId=${apiInbox}&inboxId=${secondInbox}`,
      `${period}&groupBy=operator&operatorId=${firstOperator}`,
      // Three and four columns: channel read through the inboxes, or the inbox+team+operator cells.
      `${period}&groupBy=operator&inboxId=${apiInbox}&channel=api`,
      `${period}&groupBy=channel&inboxId=${apiInbox}&inboxId=${secondInbox}&bucket=week`,
      `${period}&groupBy=channel&operatorId=${firstOperator}&inboxId=${secondInbox}`,
      `${period}&groupBy=team&channel=webchat&operatorId=${firstOperator}&businessHours=true`,
      `${period}&groupBy=operator&inboxId=${apiInbox}&channel=webchat`,
      `${period}&groupBy=channel&inboxId=${apiInbox}&teamId=${nobody}&operatorId=${firstOperator}`,
      `${period}&groupBy=inbox&channel=api&channel=webchat&operatorId=${firstOperator}&bucket=month`,
      // Tags: the conversations' current tags, alone or with one column (a channel through its
      // inboxes); the totals of a report by tag count a conversation once.
      ...tagCases(period, [vip!, randomUUID()], apiInbox!, firstOperator!),
    ];
    const fromCells: ReportDto[] = [];
    for (const q of cases) {
      const cells = await report(q);
      const facts = await fromFacts(q);
      expect(cells).toEqual(facts);
      fromCells.push(cells);
    }
    // The channels of two inboxes, and an operator's figures split by inbox, are not empty.
    expect(fromCells[36]!.series.map((s) => s.key)).toEqual(['api', 'webchat']);
    expect(fromCells[41]!.totals.replies).toBeGreaterThan(0);
    expect(fromCells[42]!.series.map((s) => s.label)).toEqual(['vip']);
    expect(fromCells[42]!.series[0]!.totals.closed).toBeLessThan(fromCells[42]!.totals.closed);

    // Without cells the reports are empty, which proves they read them; the migration that
    // introduced them fills them again from the facts, to the same figures.
    await api.dataSource.getRepository(ReportTimeCellEntity).clear();
    await api.dataSource.getRepository(ReportCounterCellEntity).clear();
    expect((await report(period)).totals).toMatchObject({
      newConversations: 0,
      firstResponse: { count: 0 },
    });
    // The inbox split by operator read the pair cells (inbox+operator) too, and three columns
    // the triple.
    expect(fromCells[30]!.totals.replies).toBeGreaterThan(0);
    expect((await report(cases[30]!)).totals.replies).toBe(0);
    expect((await report(cases[41]!)).totals.replies).toBe(0);
    expect((await report(cases[43]!)).totals.replies).toBe(0);
    const runner = api.dataSource.createQueryRunner();
    try {
      const migration = new ReportCells1797790000000();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    for (const [i, q] of cases.entries()) expect(await report(q)).toEqual(fromCells[i]);

    // The backlog counts each conversation for whoever owned it at that moment: C5 opens for the
    // admin on 30 October and moves to Bea on the 31st, still open.
    const bId = agentId;
    await customer.say('hi', undefined, { id: 'c5', name: 'c5' });
    const c5id = (await conversationOf('c5')).id;
    await drain();
    for (const e of [ReportDailyEntity, ReportCycleEntity, ReportSpanEntity])
      await api.dataSource.getRepository(e).delete({ conversationId: c5id });
    await api.dataSource
      .getRepository(ReportConversationStateEntity)
      .delete({ conversationId: c5id });
    const c5: SyntheticConversation = {
      id: c5id,
      inboxId: inbox.id,
      channel: 'api',
      assigneeId: adminId,
    };
    const moved = { ...c5, assigneeId: bId };
    const by = { id: adminId, name: 'Admin' };
    await appendAt(api.dataSource, api.app.get(EventLogService), accountId, [
      ['2026-10-30T09:00:00Z', ev.created(c5)],
      [
        '2026-10-31T09:00:00Z',
        ev.activity(moved, { type: 'assigned', by, assignee: { id: bId, name: 'Bea' } }),
      ],
    ] as const);
    await drain();
    const q = 'from=2026-10-29&to=2026-11-02&groupBy=operator';
    const byOperator = await report(q);
    const backlogOf = (id: string) =>
      byOperator.series.find((s) => s.key === id)!.buckets.map((b) => b.metrics.backlog);
    expect(backlogOf(adminId)).toEqual([0, 1, 0, 0, 0]);
    expect(backlogOf(bId)).toEqual([0, 0, 1, 1, 1]);
    expect(byOperator.totals.backlog).toBe(1);
    expect(byOperator).toEqual(await fromFacts(q));
  });

  it("moves a conversation's whole history between tag cells when its tags change", async () => {
    const period = 'from=2026-10-20&to=2026-11-02';
    const [c1, c2, c3] = await Promise.all(['c1', 'c2', 'c3'].map((n) => conversationOf(n)));
    const tags = () => admin.ok<Array<{ id: string; name: string }>>('GET', '/api/tags');
    const vip = (await tags()).find((x) => x.name === 'vip')!.id;
    const same = async (expectTags: string[]) => {
      await drain();
      const byTag = await report(`${period}&groupBy=tag`);
      expect(byTag.series.map((x) => x.label)).toEqual(expectTags);
      expect(byTag).toEqual(await fromFacts(`${period}&groupBy=tag`));
      const ids = (await tags()).map((x) => x.id);
      for (const id of ids) {
        const pair = [id, ids.find((other) => other !== id) ?? randomUUID()] as const;
        for (const q of tagCases(period, pair, inbox.id, adminId))
          expect(await report(q)).toEqual(await fromFacts(q));
      }
      return byTag;
    };
    // C1 leaves vip; C3 (the DST day's conversation, on the second inbox) gets "refund".
    await admin.ok('DELETE', `/api/conversations/${c1.id}/tags/${vip}`);
    await admin.ok('POST', `/api/conversations/${c3.id}/tags`, { name: 'refund' });
    const moved = await same(['refund', 'vip']);
    expect(moved.series.map((x) => x.totals.closed)).toEqual([1, 3]);
    // C2 carries both: a report on the two counts it once (cells minus the overlap's excess).
    await admin.ok('POST', `/api/conversations/${c2.id}/tags`, { name: 'refund' });
    const both = await same(['refund', 'vip']);
    // C2 was closed three times: refund has C3's close and C2's, vip C2's.
    expect(both.series.map((x) => x.totals.closed)).toEqual([4, 3]);
    const refundId = (await tags()).find((x) => x.name === 'refund')!.id;
    const union = await report(`${period}&tagId=${vip}&tagId=${refundId}`);
    expect(union.totals.closed).toBe(4); // not 4 + 3
    // Reopened now, C2 is in both tags' backlog now: the union's backlog counts it once.
    await admin.ok('POST', `/api/conversations/${c2.id}/close`);
    await admin.ok('POST', `/api/conversations/${c2.id}/reopen`);
    await same(['refund', 'vip']);
    // Renamed: the same tag; merged into vip: C3's history joins vip's.
    const refund = (await tags()).find((x) => x.name === 'refund')!.id;
    await admin.ok('PATCH', `/api/tags/${refund}`, { name: 'refunds' });
    await same(['refunds', 'vip']);
    await admin.ok('POST', `/api/tags/${refund}/merge`, { targetId: vip });
    expect((await same(['vip'])).series[0]!.totals.closed).toBe(4);
    // Deleted: no conversation has it, so the report by tag lists nothing and keeps no cells.
    await admin.ok('DELETE', `/api/tags/${vip}`);
    expect((await same([])).series).toEqual([]);
    const left = await api.dataSource
      .getRepository(ReportCounterCellEntity)
      .createQueryBuilder('c')
      .where("c.dim LIKE 'tag%'")
      .getCount();
    expect(left).toBe(0);
  });
});
