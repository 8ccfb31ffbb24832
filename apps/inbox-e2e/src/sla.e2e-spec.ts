import type { ConversationSummaryDto, Page } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const ALWAYS = {
  timezone: 'UTC',
  intervals: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '00:00', to: '24:00' })),
  holidays: [],
};

/**
 * Priorities and the live SLA countdown in the browser: the urgent row's badge, the feed sorted
 * most urgent first, the header's priority picker, and a countdown that turns to "Overdue" at
 * its due second (a 1-minute resolution target in business hours that cover now; the
 * conversation's start is moved 54 s back, so the due second comes within the test).
 */
describe('inbox: priorities and SLA countdown', () => {
  let h: InboxHarness;
  let anna: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.admin.ok('PUT', `/api/inboxes/${h.inboxId}/business-hours`, { businessHours: ALWAYS });
    await h.admin.ok('POST', '/api/sla-policies', {
      inboxId: h.inboxId,
      priority: 'urgent',
      resolutionMinutes: 1,
      businessHours: true,
    });
    await h.customer('Ada Lovelace').say('My order never arrived');
    await h.customer('Bob Hope').say('Just a question');
    anna = await h.openPage();
    await anna.login();
  });

  afterAll(async () => {
    await anna?.close();
    await h?.stop();
  });

  afterEach(() => expect(anna?.pageErrors ?? []).toEqual([]));

  const row = (name: string) =>
    anna.page
      .locator('[data-testid=feed-row]')
      .filter({ has: anna.page.locator('.feed-row__name', { hasText: name }) });

  it('counts down to the due second, then shows the breach; urgent first when sorted', async () => {
    await anna.waitForFeed(['Bob Hope', 'Ada Lovelace']);
    const feed = await h.admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations');
    const ada = feed.items.find((c) => c.contact.name === 'Ada Lovelace')!;
    await h.api.dataSource
      .getRepository('ConversationEntity')
      .update(ada.id, { createdAt: new Date(Date.now() - 54_000) });
    const urgent = await h.admin.ok<ConversationSummaryDto>(
      'PATCH',
      `/api/conversations/${ada.id}/priority`,
      { priority: 'urgent' },
    );
    const dueAt = Date.parse(urgent.sla!.dueAt);
    expect(urgent.sla).toMatchObject({ target: 'resolution', state: 'running' });

    // Live, without a reload: the badge and the running countdown.
    const countdown = row('Ada Lovelace').locator('[data-testid=sla-countdown]');
    await countdown.waitFor();
    expect(await row('Ada Lovelace').locator('[data-testid=priority-badge]').textContent()).toBe(
      'Urgent',
    );
    expect(await row('Bob Hope').locator('[data-testid=priority-badge]').count()).toBe(0);
    expect(await countdown.textContent()).toMatch(/^Resolve in \d+s$/);

    // Not overdue a moment before the due second; overdue within a second after it.
    await waitUntil(
      () => Date.now() >= dueAt - 700,
      () => 'waiting',
      15_000,
    );
    expect(await countdown.getAttribute('data-state')).not.toBe('breached');
    await anna.page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid=sla-countdown]')].some(
          (el) => el.getAttribute('data-state') === 'breached',
        ),
      undefined,
      { timeout: 5_000, polling: 50 },
    );
    const flippedAt = Date.now();
    expect(flippedAt).toBeGreaterThanOrEqual(dueAt);
    expect(flippedAt - dueAt).toBeLessThan(1_000);
    expect(await countdown.textContent()).toMatch(/^Overdue \d+s$/);
    await anna.screenshot('sla-overdue');
    // The server's poller agrees: the timeline of Ada shows the breach.
    await anna.openRow('Ada Lovelace');
    await waitUntil(
      async () => (await anna.timelineTexts()).some((text) => text.includes('SLA breached')),
      async () => JSON.stringify(await anna.timelineTexts()),
    );

    // Most urgent first; then Bob raised to high in his header (a plain select: keyboard works).
    await anna.page.selectOption('[data-testid=feed-sort]', 'priority');
    await anna.waitForFeed(['Ada Lovelace', 'Bob Hope']);
    await anna.openRow('Bob Hope');
    const picker = anna.page.locator('[data-testid=priority-picker]');
    await picker.focus();
    await picker.selectOption('high');
    await waitUntil(
      async () =>
        (await row('Bob Hope').locator('[data-testid=priority-badge]').textContent()) === 'High',
      async () =>
        `Bob's badge: ${await row('Bob Hope').locator('[data-testid=priority-badge]').count()}`,
    );
    await anna.waitForFeed(['Ada Lovelace', 'Bob Hope']);
  });
});
