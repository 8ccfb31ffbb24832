import type { ConversationSummaryDto } from '@switchboard/contracts';
import { TEST_ADMIN } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';
import { clockText, wallClockInstant } from './support/wall-clock';

const RIYADH = 'Asia/Riyadh';
const BROWSER = 'America/Los_Angeles';
const HH_MM: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * The operator's clock is the profile's timezone, not the browser's: an operator in Riyadh on a
 * laptop set to Los Angeles sees Riyadh times and snoozes to 09:00 in Riyadh. A profile without a
 * zone starts on the browser's, keeps it, and the operator can choose another.
 */
describe("inbox: the operator's clock", () => {
  let h: InboxHarness;
  const operators = () => h.api.dataSource.getRepository('OperatorEntity');
  const storedZone = async () =>
    ((await operators().findOneBy({ email: TEST_ADMIN.email })) as { timezone: string }).timezone;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.customer('Layla Haddad').say('مرحبا، أين طلبي؟');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("shows times and snooze presets on the profile's clock, whatever the browser's", async () => {
    await operators().update({ email: TEST_ADMIN.email }, { timezone: RIYADH });
    const ui: InboxPage = await h.openPage(undefined, { timezoneId: BROWSER });
    try {
      await ui.login();
      expect(await ui.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        BROWSER,
      );
      const layla = await h.conversationOf('Layla Haddad');
      const stamp = await ui.page.textContent('[data-testid=feed-row] .feed-row__time');
      expect(stamp).toBe(clockText(new Date(layla.lastActivityAt), RIYADH, HH_MM));

      await ui.openRow('Layla Haddad');
      await ui.page.keyboard.press('s');
      await ui.page.waitForSelector('[data-testid=snooze-menu]');
      const shown = async (preset: string) =>
        ui.page.textContent(`[data-preset=${preset}] .menu__hint`);

      // "In 1 hour" names Riyadh's hour (within the minute the menu opened in).
      const hour = await shown('in_one_hour');
      const inOneHour = Date.now() + 3600_000;
      const candidates = [-60_000, 0, 60_000].map(
        (d) => `Today ${clockText(new Date(inOneHour + d), RIYADH, HH_MM)}`,
      );
      // Near midnight in Riyadh the hour is tomorrow's; the time is what matters then.
      expect(candidates.some((c) => hour === c || hour?.endsWith(c.slice(6)))).toBe(true);
      expect(hour).not.toContain(clockText(new Date(inOneHour), BROWSER, HH_MM));

      // "Tomorrow" is 09:00 tomorrow in Riyadh, named by its weekday.
      const tomorrowNine = wallClockInstant(RIYADH, 1, 9);
      expect(await shown('tomorrow_morning')).toBe(
        clockText(tomorrowNine, RIYADH, { weekday: 'short', ...HH_MM }),
      );
      await ui.page.click('[data-preset=tomorrow_morning]');
      let last: ConversationSummaryDto | null = null;
      await waitUntil(
        async () => {
          last = await h.admin.ok<ConversationSummaryDto>('GET', `/api/conversations/${layla.id}`);
          return last.snoozedUntil === tomorrowNine.toISOString();
        },
        async () => `conversation is ${JSON.stringify(last)}, want ${tomorrowNine.toISOString()}`,
      );
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await ui.close();
    }
  });

  it("starts a profile without a zone on the browser's, saves it, and keeps a chosen one", async () => {
    // UTC is what the server gives a profile nobody has set a zone on.
    await operators().update({ email: TEST_ADMIN.email }, { timezone: 'UTC' });
    const ui = await h.openPage(undefined, { timezoneId: BROWSER });
    try {
      await ui.login();
      await waitUntil(
        async () => (await storedZone()) === BROWSER,
        async () => `stored zone is ${await storedZone()}`,
      );

      await ui.page.click('[data-testid=profile-open]');
      const dialog = ui.page.locator('[data-testid=profile-dialog]');
      await dialog.waitFor();
      expect(await dialog.locator('select[name=timezone]').inputValue()).toBe(BROWSER);
      // Choosing UTC on purpose is kept: the next sign-in does not replace it.
      await dialog.locator('select[name=timezone]').selectOption('UTC');
      expect(
        await dialog.locator('[data-testid=profile-timezone-browser]').textContent(),
      ).toContain(BROWSER);
      await ui.page.click('[data-testid=profile-dialog] button[type=submit]');
      await waitUntil(
        async () => (await storedZone()) === 'UTC',
        async () => `stored zone is ${await storedZone()}`,
      );
      await ui.page.reload();
      await ui.waitForConnection('live');
      // Give a wrongful save the time it would take, then check nothing changed.
      await ui.page.waitForTimeout(1500);
      expect(await storedZone()).toBe('UTC');
      expect(ui.pageErrors).toEqual([]);
    } finally {
      await ui.close();
    }
  });
});
