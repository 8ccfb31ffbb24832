import type { InboxDto } from '@switchboard/contracts';
import type { Page } from 'playwright-core';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/** Chromium's own controls inside native inputs (the datetime-local picker button), not ours. */
const BROWSER_OWN_CONTROLS = ['Show local date and time picker'];

/** Accessible names of every control on screen, as Chromium exposes them to screen readers. */
async function controlNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored?: boolean; role?: { value?: string }; name?: { value?: string } }>;
  };
  await cdp.detach();
  const controls = new Set(['button', 'link', 'menuitem', 'radio', 'tab', 'checkbox']);
  return nodes
    .filter((n) => !n.ignored && controls.has(n.role?.value ?? ''))
    .map((n) => (n.name?.value ?? '').replace(/\s+/g, ' ').trim())
    .filter((name) => !BROWSER_OWN_CONTROLS.some((own) => name.startsWith(own)));
}

/**
 * Controls whose `title` repeats what their name already says (an aria-label or text, hidden or
 * not): several screen readers read the title after the name, so the name is heard twice.
 */
function titlesRepeatingTheName(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const controls = document.querySelectorAll<HTMLElement>(
      'button[title], a[title], [role=menuitem][title], [role=tab][title]',
    );
    return Array.from(controls)
      .filter((el) => {
        const title = squash(el.getAttribute('title'));
        return (
          title !== '' &&
          [el.getAttribute('aria-label'), el.textContent].some((said) => squash(said) === title)
        );
      })
      .map((el) => el.outerHTML.slice(0, 160));
  });
}

/** "Snooze Snooze": the same words said twice in one name. */
function saidTwice(name: string): boolean {
  const words = name.toLowerCase().split(' ');
  const half = words.length / 2;
  return (
    words.length >= 2 &&
    Number.isInteger(half) &&
    words.slice(0, half).join(' ') === words.slice(half).join(' ')
  );
}

describe('inbox: Undo after close and snooze, and the small edges', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const by = OPERATOR.name;

  beforeAll(async () => {
    h = await InboxHarness.start();
    ui = await h.openPage();
    await ui.login();
    for (const name of ['Ada Undo', 'Bea Snooze', 'Cy Stays']) await h.customer(name).say('Hi');
    await ui.waitForFeed(['Cy Stays', 'Bea Snooze', 'Ada Undo']);
  });

  afterAll(async () => {
    await h?.stop();
  });

  const statusOf = async (name: string) => {
    for (const status of ['open', 'snoozed', 'closed'] as const) {
      const found = await h.conversationOf(name, status).catch(() => null);
      if (found) return found.status;
    }
    return null;
  };
  const undoButton = () => ui.page.getByRole('button', { name: 'Undo', exact: true });
  const activities = () => ui.page.locator('[data-testid=timeline-activity]').allTextContents();
  /** Whether the timeline has an activity saying this (each also shows its time). */
  const saysInTimeline = async (text: string) =>
    (await activities()).some((line) => line.startsWith(text));

  it('close → Undo (by keyboard) puts the conversation back in the open feed, said honestly', async () => {
    await ui.openRow('Ada Undo');
    await ui.page.click('[data-testid=action-close]');
    await ui.waitForFeed(['Cy Stays', 'Bea Snooze']);
    // The toast is in the polite status region, with the customer's name and an Undo button.
    const region = ui.page.locator('.toasts[role=status][aria-live=polite]');
    await region.getByText('Conversation with Ada Undo closed').waitFor();
    await undoButton().waitFor();
    // Reachable by keyboard: Tab gets there (it is the last stop), Enter activates it.
    const focused = () => ui.page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let presses = 0; presses < 80 && (await focused()) !== 'Undo'; presses++)
      await ui.page.keyboard.press('Tab');
    expect(await focused()).toBe('Undo');
    await ui.page.keyboard.press('Enter');

    await ui.waitForFeed(['Cy Stays', 'Bea Snooze', 'Ada Undo']);
    await ui.waitForConversation('Ada Undo');
    // The feed changes at once; the timeline line comes from the server, once it is done.
    await waitUntil(
      () => saysInTimeline(`${by} reopened the conversation`),
      async () => `timeline: ${JSON.stringify(await activities())}`,
    );
    expect(await statusOf('Ada Undo')).toBe('open');
    expect(await saysInTimeline(`${by} closed the conversation`)).toBe(true);
    expect(await undoButton().count()).toBe(0);
  });

  it('snooze → Undo brings it back, recorded as unsnoozed (not reopened)', async () => {
    await ui.openRow('Bea Snooze');
    await ui.page.click('[data-testid=action-snooze]');
    await ui.page.click('[data-testid=snooze-menu] [role=menuitem] >> nth=0');
    await ui.waitForFeed(['Cy Stays', 'Ada Undo']);
    // The row leaves the feed at once; the toast comes when the server has snoozed it.
    await ui.page
      .locator('.toast', { hasText: /Conversation with Bea Snooze snoozed until/ })
      .waitFor();
    expect(await statusOf('Bea Snooze')).toBe('snoozed');
    await undoButton().click();

    await ui.waitForFeed(['Cy Stays', 'Bea Snooze', 'Ada Undo']);
    await ui.waitForConversation('Bea Snooze');
    // The feed changes at once; the timeline line comes from the server, once it is done.
    await waitUntil(
      () => saysInTimeline(`${by} unsnoozed the conversation`),
      async () => `timeline: ${JSON.stringify(await activities())}`,
    );
    expect(await statusOf('Bea Snooze')).toBe('open');
    expect((await activities()).join('\n')).not.toContain('reopened');
  });

  it('without Undo the close stays: the toast goes after 5 s', async () => {
    await ui.openRow('Cy Stays');
    await ui.page.click('[data-testid=action-close]');
    await ui.page.locator('.toast', { hasText: 'Conversation with Cy Stays closed' }).waitFor();
    const shownAt = Date.now();
    await ui.page
      .locator('.toast', { hasText: 'Conversation with Cy Stays closed' })
      .waitFor({ state: 'detached', timeout: 8_000 });
    expect(Date.now() - shownAt).toBeGreaterThan(4_000);
    expect(await statusOf('Cy Stays')).toBe('closed');
    await ui.waitForFeed(['Bea Snooze', 'Ada Undo']);
  });

  it('no control announces its name twice: feed, conversation, snooze menu, settings', async () => {
    await ui.openRow('Ada Undo');
    const doubled: string[] = [];
    const check = async () => {
      doubled.push(...(await controlNames(ui.page)).filter(saidTwice));
      doubled.push(...(await titlesRepeatingTheName(ui.page)));
    };
    await check();
    await ui.page.click('[data-testid=action-snooze]');
    await ui.page.waitForSelector('[data-testid=snooze-menu]');
    await check();
    await ui.page.keyboard.press('Escape');
    await ui.toggleSettings(true);
    await ui.page.waitForSelector('[data-testid=settings-detail]');
    await check();
    const names = await controlNames(ui.page);
    expect(doubled).toEqual([]);
    // The check sees real names (and would see a doubled one).
    expect(names).toContain('Back to conversations');
    expect(saidTwice('Snooze Snooze')).toBe(true);
    await ui.toggleSettings(false);
  });

  /** Creates a web chat inbox through the settings form and waits for its settings to show. */
  async function createInbox(page: Page, name: string): Promise<InboxDto> {
    await page.click('[data-testid=settings-new-webchat]');
    await page.fill('#inbox-field-name', name);
    await page.fill('#inbox-field-allowedOrigins', 'https://shop.example');
    await page.click('[data-testid=secret-hmacSecret] button');
    await page.click('[data-testid=inbox-form-submit]');
    const created = await waitUntil(
      async () =>
        (await h.admin.ok<InboxDto[]>('GET', '/api/inboxes')).find((i) => i.name === name),
      () => `no inbox "${name}" was created`,
    );
    await page.waitForSelector(`[data-testid=settings-detail][data-inbox-id="${created.id}"]`);
    return created;
  }

  /** The new inbox's heading is on screen (not scrolled away) and has the focus. */
  async function expectHeadingRevealed(page: Page): Promise<void> {
    const heading = page.locator('[data-testid=settings-detail] > h2');
    await waitUntil(
      async () => {
        const box = await heading.boundingBox();
        const viewport = page.viewportSize();
        return !!box && !!viewport && box.y >= 0 && box.y + box.height <= viewport.height;
      },
      async () => `heading at ${JSON.stringify(await heading.boundingBox())}`,
    );
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    ).toBe('settings-detail-heading');
  }

  it('after creating an inbox its settings scroll into view (wide screen, short window)', async () => {
    const short = await h.openPage({ width: 1280, height: 480 });
    await short.login();
    await short.toggleSettings(true);
    await short.page.waitForSelector('[data-testid=settings-inbox]');
    await createInbox(short.page, 'Short window chat');
    await expectHeadingRevealed(short.page);
    expect(await short.page.$eval('[data-testid=settings-detail]', (el) => el.scrollTop)).toBe(0);
    expect(short.pageErrors).toEqual([]);
    await short.context.close();
  });

  it('on a phone (390×844) settings scroll as one page, and a new inbox scrolls into view', async () => {
    const phone = await h.openPage({ width: 390, height: 844 });
    await phone.login();
    await phone.toggleSettings(true);
    await phone.page.waitForSelector('[data-testid=settings-detail]');
    const scrollers = () =>
      phone.page.evaluate(() =>
        ['.settings', '.settings__nav', '.settings__detail'].map((selector) => {
          const el = document.querySelector<HTMLElement>(selector);
          return el ? el.scrollHeight > el.clientHeight + 1 : null;
        }),
      );
    // Only the page scrolls: neither the list nor the detail is a box of its own.
    expect(await scrollers()).toEqual([true, false, false]);
    // Scrolling the page to the end reaches the last of the chosen inbox's settings.
    await phone.page.$eval('.settings', (el) => el.scrollTo({ top: el.scrollHeight }));
    const last = phone.page.locator('[data-testid=settings-detail] > *:last-child');
    const box = await last.boundingBox();
    expect(box && box.y + box.height <= 844 + 1).toBe(true);

    await createInbox(phone.page, 'Phone chat');
    await expectHeadingRevealed(phone.page);
    expect(await scrollers()).toEqual([true, false, false]);
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();
  });

  it('had no page errors', () => {
    expect(ui.pageErrors).toEqual([]);
  });
});
