import type { ConversationTimeDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/**
 * Time tracking in real Chromium: an operator who is at a conversation (moving the pointer) has
 * about that much time tracked when they move on; with the tab hidden nothing is counted; and the
 * correction dialog adds time with its reason, shown in the header and the timeline.
 */
describe('inbox: time tracking', () => {
  let h: InboxHarness;
  let anna: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.customer('Ada Lovelace').say('Where is my parcel?');
    await h.customer('Brian Kernighan').say('Invoice please');
    anna = await h.openPage();
    await anna.login();
  });

  afterAll(async () => {
    await anna?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(anna?.pageErrors ?? []).toEqual([]);
  });

  const timeOf = async (name: string) =>
    h.admin.ok<ConversationTimeDto>(
      'GET',
      `/api/conversations/${(await h.conversationOf(name)).id}/time`,
    );
  /** Moves the pointer about for `ms`, as an operator reading and scrolling would. */
  const beActive = async (ms: number) => {
    const until = Date.now() + ms;
    for (let i = 0; Date.now() < until; i++) {
      await anna.page.mouse.move(600 + (i % 2) * 40, 400 + (i % 3) * 20);
      await anna.page.waitForTimeout(250);
    }
  };
  const setHidden = (hidden: boolean) =>
    anna.page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (value ? 'hidden' : 'visible'),
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  it('tracks active time, not a hidden tab, and takes a correction with its reason', async () => {
    await anna.openRow('Ada Lovelace');
    const started = Date.now();
    await beActive(6_000);
    const activeMs = Date.now() - started;
    // Opening another conversation ends this one's tracking with a last heartbeat.
    const brianOpened = Date.now();
    await anna.openRow('Brian Kernighan');
    const ada = await waitUntil(
      async () => {
        const time = await timeOf('Ada Lovelace');
        return time.mineSeconds > 0 ? time : null;
      },
      () => 'no time tracked on Ada',
    );
    expect(ada.mineSeconds).toBeGreaterThanOrEqual(Math.floor(activeMs / 1000) - 1);
    expect(ada.mineSeconds).toBeLessThanOrEqual(Math.ceil(activeMs / 1000) + 1);

    // Hidden (the operator switched tabs): input or not, nothing counts. Brian was visible only
    // while Ada's time was awaited (longer on a loaded machine), so that is all he may have.
    const visibleMs = Date.now() - brianOpened;
    await setHidden(true);
    await beActive(4_000);
    await setHidden(false);
    await anna.openRow('Ada Lovelace');
    await anna.page.waitForTimeout(500);
    // Counting the 4 hidden seconds would overshoot this bound by at least 2.
    expect((await timeOf('Brian Kernighan')).mineSeconds).toBeLessThanOrEqual(
      Math.ceil(visibleMs / 1000) + 1,
    );

    // The header shows the time; the dialog corrects it, from the keyboard.
    const text = anna.page.locator('[data-testid=conversation-time-text]');
    await waitUntil(
      async () => Number(await text.getAttribute('data-mine')) >= ada.mineSeconds,
      async () => `header says ${await text.textContent()}`,
    );
    await anna.page.click('[data-testid=conversation-time-correct]');
    const dialog = anna.page.locator('[data-testid=time-dialog]');
    await dialog.waitFor();
    expect(await anna.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'direction',
    );
    await dialog.locator('input[name=minutes]').fill('10');
    // The call was yesterday: the correction is dated then (the account's timezone is UTC here).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await dialog.locator('input[name=day]').fill(yesterday);
    await dialog.locator('textarea[name=reason]').fill('Phone call with Ada');
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to where the dialog was opened from.
    expect(
      await anna.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('conversation-time-correct');
    const corrected = await timeOf('Ada Lovelace');
    expect(corrected.mineSeconds).toBeGreaterThanOrEqual(ada.mineSeconds + 600);
    expect(corrected.entries.find((e) => e.source === 'manual')).toMatchObject({
      seconds: 600,
      startedAt: `${yesterday}T12:00:00.000Z`,
    });
    await waitUntil(
      async () => /^Time: 10m \(you 10m\)$/.test((await text.textContent()) ?? ''),
      async () => `header says ${await text.textContent()}`,
    );
    await waitUntil(
      async () =>
        (await anna.timelineTexts()).some((t) =>
          /added 10m to .*’s time: Phone call with Ada/.test(t),
        ),
      async () => `timeline: ${JSON.stringify(await anna.timelineTexts())}`,
    );

    // The dialog lists the correction with who and why; Escape closes it.
    await anna.page.click('[data-testid=conversation-time-correct]');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid=time-correction]').allTextContents()).toEqual([
      expect.stringContaining('Phone call with Ada'),
    ]);
    await anna.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
