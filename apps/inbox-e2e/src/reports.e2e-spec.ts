import { readFile } from 'node:fs/promises';
import type { InvitationDto, ReportDto } from '@switchboard/contracts';
import { loginAs, type ApiClient } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { seedMonth, type HandledConversation } from './support/month-of-activity';
import { waitUntil } from './support/wait-until';

const MAREK = { email: 'marek@example.test', password: 'marek-password-1' };
const ZONE = 'Europe/Berlin';

/**
 * Reports in the browser, from a month seeded through the real API: the admin sees the live panel,
 * charts drawn from the data, the totals with hand-computed figures; groups by operator (the URL
 * hash carries it, so a reload shows the same report) and downloads a table as CSV. An agent has
 * no Reports in the navigation.
 */
describe('inbox: reports', () => {
  let h: InboxHarness;
  let anna: InboxPage;
  let annaId: string;
  let marekId: string;
  let todayConversation: { id: string; number: number };

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.admin.ok('PATCH', '/api/account', { timezone: ZONE });
    annaId = (await h.admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    const invitation = await h.admin.ok<InvitationDto>('POST', '/api/invitations', {
      email: MAREK.email,
      role: 'agent',
    });
    const accepted = await h.admin.ok<{ operator: { id: string } }>(
      'POST',
      '/api/invitations/accept',
      {
        token: new URL(invitation.acceptUrl).hash.replace('#token=', ''),
        name: 'Marek Nowak',
        password: MAREK.password,
        session: 'bearer',
      },
    );
    marekId = accepted.operator.id;
    const marek = (await loginAs(h.api.baseUrl, MAREK.email, MAREK.password)).client;

    // Today: one customer still waiting, unassigned (the live panel's longest wait).
    await h.customer('Zoe Waiting').say('Is anyone there?');
    todayConversation = await waitUntil(
      () => h.conversationOf('Zoe Waiting').catch(() => null),
      () => 'no conversation for Zoe Waiting',
    );
    await waitUntil(
      async () =>
        (
          (await h.api.dataSource.query(
            `SELECT 1 FROM event_consumer_cursors WHERE consumer = 'reports'`,
          )) as unknown[]
        ).length === 1,
      () => 'the reports consumer has not run',
    );

    const as = (id: string, client: ApiClient) => ({ id, client });
    const month: HandledConversation[] = [
      { customer: 'Ada', daysAgo: 25, firstResponseSeconds: 60, operator: as(annaId, h.admin) },
      { customer: 'Bob', daysAgo: 20, firstResponseSeconds: 120, operator: as(annaId, h.admin) },
      { customer: 'Cleo', daysAgo: 14, firstResponseSeconds: 252, operator: as(annaId, h.admin) },
      { customer: 'Dan', daysAgo: 7, firstResponseSeconds: 600, operator: as(marekId, marek) },
      { customer: 'Eve', daysAgo: 3, firstResponseSeconds: 600, operator: as(marekId, marek) },
    ];
    await seedMonth(h, h.admin, ZONE, month);
    // The consumer folds the month once the lock is gone.
    await waitUntil(
      async () => {
        const now = new Date();
        const to = now.toISOString().slice(0, 10);
        const from = new Date(now.getTime() - 40 * 86_400_000).toISOString().slice(0, 10);
        const r = await h.admin.ok<ReportDto>('GET', `/api/reports?from=${from}&to=${to}`);
        return r.totals.closed === 5;
      },
      () => 'the reports consumer has not folded the month',
      15_000,
    );

    anna = await h.openPage();
    await anna.login();
  });

  afterAll(async () => {
    await anna?.close();
    await h?.stop();
  });

  afterEach(() => expect(anna?.pageErrors ?? []).toEqual([]));

  const cells = (testId: string, row: string) =>
    anna.page
      .locator(`[data-testid=${testId}] ${row} td[data-metric]`)
      .evaluateAll((tds) =>
        Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), td.textContent])),
      );

  it('shows the live panel, charts and totals of the seeded month, by operator, and downloads a CSV', async () => {
    await anna.page.click('[data-testid=nav-reports]');
    await anna.page.waitForSelector('[data-testid=reports-screen][data-loading=false]');
    expect(anna.page.url()).toContain('#/reports?period=last30');

    // Live: Zoe waits, unassigned; the link opens her conversation.
    const now = anna.page.locator('[data-testid=reports-now]');
    await now.locator('[data-testid=now-longest] a').waitFor();
    expect(await now.locator('[data-testid=now-open] dd').textContent()).toBe('1');
    expect(await now.locator('[data-testid=now-unassigned] dd').textContent()).toBe('1');
    expect(await now.locator('[data-testid=now-longest] a').textContent()).toMatch(
      new RegExp(`^#${todayConversation.number}, waiting \\d+s$`),
    );
    expect(await now.locator('[data-testid=now-operator]').count()).toBe(2);

    // Charts: 30 daily points each, drawn (the "new" line's colour is on the canvas).
    const volume = anna.page.locator('[data-testid=report-chart][data-chart=volume]');
    await volume.locator('canvas').waitFor();
    expect(await anna.page.locator('[data-testid=report-chart] canvas').count()).toBe(4);
    expect(await volume.getAttribute('data-points')).toBe('30');
    expect(await volume.getAttribute('aria-label')).toMatch(/^6 new and 5 closed conversations/);
    const newLinePixels = await volume.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      // #2563eb, the "new" series.
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === 37 && data[i + 1] === 99 && data[i + 2] === 235) n++;
      return n;
    });
    expect(newLinePixels).toBeGreaterThan(50);

    // Totals, computed by hand: first responses 1m, 2m, 4m 12s, 10m, 10m; each closed after 2h 05m.
    expect(await cells('report-totals', '[data-testid=report-total-row]')).toMatchObject({
      new: '6',
      closed: '5',
      reopened: '0',
      replies: '5',
      firstResponseMedian: '4m 12s',
      firstResponseP90: '10m 00s',
      resolutionMedian: '2h 05m',
      resolutionP90: '2h 05m',
    });

    // The charts' table alternative has a row per day; the per-operator table and the time spent
    // (time tracking's own report) show too.
    expect(
      await anna.page.locator('[data-testid=report-buckets] [data-testid=report-row]').count(),
    ).toBe(30);
    const annaRow = `[data-testid=report-row][data-row-key="${annaId}"]`;
    const marekRow = `[data-testid=report-row][data-row-key="${marekId}"]`;
    expect(await cells('report-operators', marekRow)).toMatchObject({ replies: '2', closed: '2' });
    const time = anna.page.locator('[data-testid=report-time]');
    await time.locator('tbody tr').first().waitFor();
    expect(await time.locator('[role=alert]').count()).toBe(0);

    // Grouped by operator: the choice goes into the URL.
    await anna.page.selectOption('select[name=groupBy]', 'operator');
    await anna.page.locator(`[data-testid=report-totals] ${marekRow}`).waitFor();
    expect(anna.page.url()).toContain('groupBy=operator');
    expect(await cells('report-totals', annaRow)).toMatchObject({
      closed: '3',
      replies: '3',
      firstResponseMedian: '2m 00s',
    });
    expect(await cells('report-totals', marekRow)).toMatchObject({
      closed: '2',
      replies: '2',
      firstResponseMedian: '10m 00s',
    });
    await anna.screenshot('reports-by-operator');

    // A shared link shows the same report.
    await anna.page.reload();
    await anna.page.locator(`[data-testid=report-totals] ${marekRow}`).waitFor();
    expect(await anna.page.locator('select[name=groupBy]').inputValue()).toBe('operator');

    // The totals table as a real download of the export route.
    const [download] = await Promise.all([
      anna.page.waitForEvent('download'),
      anna.page.click('[data-testid=report-totals] [data-testid=report-csv]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^report-series-\d{4}-\d{2}-\d{2}-.*\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^\uFEFF?group_key,group,new,closed,reopened,replies,/);
    expect(lines.find((l) => l.startsWith(`${marekId},Marek Nowak,`))).toMatch(
      new RegExp(`^${marekId},Marek Nowak,0,2,0,2,`),
    );
  });

  it('keeps Reports from agents', async () => {
    const marek = await h.openPage();
    try {
      await marek.login(MAREK);
      await marek.page.waitForSelector('[data-testid=nav-tasks]');
      expect(await marek.page.locator('[data-testid=nav-reports]').count()).toBe(0);
      expect(marek.pageErrors).toEqual([]);
    } finally {
      await marek.close();
    }
  });
});
