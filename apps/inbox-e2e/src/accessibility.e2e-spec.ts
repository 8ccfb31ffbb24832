import { auditAccessibility, faintFieldEdges } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/**
 * WCAG 2.2 AA in real Chromium: axe-core audits every screen (zero serious or critical findings),
 * a new conversation is announced politely, and dialogs keep and give back the keyboard focus.
 */
describe('inbox: accessibility (axe-core on every screen, live announcements, dialog focus)', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  /** Serious and critical findings of every audit, prefixed by the screen. */
  const findings: string[] = [];

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage();
    await ui.login();
    const ada = h.customer('Ada Lovelace');
    await ada.say('My order #1042 has not arrived.');
    await ada.say('It was due on Monday.');
    await h.customer('Grace Hopper').say('Can I change the delivery address?');
    await ui.waitForFeed(['Grace Hopper', 'Ada Lovelace']);
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** Audits the page as it is now (axe-core and field edges); it must have seen real content. */
  const audit = async (screen: string) => {
    const { blocking, passed } = await auditAccessibility(ui.page);
    expect(passed).toBeGreaterThan(5);
    findings.push(...blocking.map((line) => `${screen}: ${line}`));
    // Text fields' edges at 3:1 (WCAG 1.4.11), which axe-core leaves alone.
    findings.push(...(await faintFieldEdges(ui.page, 'body')).map((l) => `${screen}: ${l}`));
  };

  const activeTestId = () =>
    ui.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  /** Whether focus is inside the open dialog, and whether it shows (an outline or a ring). */
  const focusState = () =>
    ui.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return {
        inside: Boolean(el?.closest('[role=dialog],[role=alertdialog]')),
        visible:
          style !== null &&
          ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
            style.boxShadow !== 'none'),
        what: el?.outerHTML.slice(0, 80) ?? 'nothing',
      };
    });

  /**
   * Tabs forward and back through a dialog, more times than it has stops: focus never leaves it,
   * always shows, and visits `stops` distinct controls (so it really moved and wrapped).
   */
  const expectTrapped = async (presses: number, stops: number) => {
    const seen = new Set<string>();
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < presses; i++) {
        await ui.page.keyboard.press(key);
        const state = await focusState();
        expect({ ...state, key, i }).toEqual({
          inside: true,
          visible: true,
          what: state.what,
          key,
          i,
        });
        seen.add(state.what);
      }
    }
    expect(seen.size).toBe(stops);
  };

  /** How many controls Tab can reach inside the element. */
  const stopsIn = (selector: string) =>
    ui.page.$eval(
      selector,
      (dialog) =>
        dialog.querySelectorAll(
          'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
        ).length,
    );

  it('feed, an open conversation with a note, and the snooze menu have no serious findings', async () => {
    await audit('feed');

    await ui.openRow('Ada Lovelace');
    const input = ui.page.locator('[data-testid=composer-input]');
    await input.fill('Sorry about that, I am checking with the courier.');
    await input.press('Enter');
    await ui.page.waitForSelector(
      '[data-testid=timeline-message]:not([data-message-id^="local:"]) .message__text:text-is("Sorry about that, I am checking with the courier.")',
    );
    await ui.page.click('[data-testid=composer-mode-note]');
    await input.fill('Courier says it is in the depot.');
    await input.press('Enter');
    await ui.page.waitForSelector(
      '[data-testid=timeline-message][data-kind=note]:not([data-message-id^="local:"])',
    );
    await audit('conversation');

    await ui.page.click('[data-testid=action-snooze]');
    await ui.page.waitForSelector('[data-testid=snooze-menu]');
    await audit('snooze menu');
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForSelector('[data-testid=snooze-menu]', { state: 'detached' });

    expect(findings).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });

  it('announces a new conversation politely, and only that, not the whole list', async () => {
    const region = ui.page.locator('[data-testid=feed-announcer]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    const linus = h.customer('Linus Live');
    await linus.say('Is anyone there?');
    await waitUntil(
      async () =>
        (await region.textContent())?.includes('New conversation from Linus Live via API') ?? false,
      async () => `live region says "${await region.textContent()}"`,
    );
    // The list itself is not live: a screen reader would otherwise read every row that moves.
    const listIsLive = await ui.page.$eval(
      '[data-testid=feed-row]',
      (row) => row.closest('[aria-live]') !== null,
    );
    expect(listIsLive).toBe(false);
  });

  it('dialogs trap the focus, show it, and give it back to the opener on Escape', async () => {
    // The keyboard shortcuts dialog, opened from its top-bar button with the keyboard.
    await ui.page.focus('[data-testid=shortcuts-open]');
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForSelector('[data-testid=shortcuts-dialog]');
    await audit('shortcuts dialog');
    await expectTrapped(3, 1);
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForSelector('[data-testid=shortcuts-dialog]', { state: 'detached' });
    expect(await activeTestId()).toBe('shortcuts-open');

    // The profile dialog: a form with many fields, Tab wraps from the last back to the first.
    await ui.page.focus('[data-testid=profile-open]');
    await ui.page.keyboard.press('Enter');
    await ui.page.waitForSelector('[data-testid=profile-dialog]');
    await audit('profile dialog');
    await expectTrapped(12, await stopsIn('[data-testid=profile-dialog]'));
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForSelector('[data-testid=profile-dialog]', { state: 'detached' });
    expect(await activeTestId()).toBe('profile-open');

    expect(findings).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });

  it('settings, section by section, have no serious findings', async () => {
    await ui.toggleSettings(true);
    await ui.page.locator('[data-testid=settings-inbox]', { hasText: 'Shop API' }).click();
    await ui.page.waitForSelector('[data-testid=settings-detail][data-inbox-id]');
    await audit('settings: inbox');
    for (const section of ['people', 'teams', 'webhooks', 'canned-replies', 'tags']) {
      await ui.page.click(`[data-testid=settings-${section}]`);
      await ui.page.waitForSelector(`[data-testid=settings-${section}][aria-current=true]`);
      await ui.page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
      await audit(`settings: ${section}`);
    }
    expect(findings).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });

  it('the other screens of the top bar have no serious findings either', async () => {
    for (const screen of ['contacts', 'tasks', 'automation', 'reports', 'knowledge-base']) {
      await ui.page.click(`[data-testid=nav-${screen}]`);
      await ui.page.waitForSelector(`[data-testid=nav-${screen}][aria-current=page]`);
      await ui.page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
      await audit(screen);
    }
    expect(findings).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
