import { TEST_ADMIN } from '@switchboard/testing';
import type { Page } from 'playwright-core';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

/**
 * Issue 15, "done when": the whole inbox in Arabic, right to left, with Riyadh times. The browser
 * runs in English on London time; only the operator's profile says Arabic and Asia/Riyadh, so every
 * Arabic word and every +03:00 clock reading below comes from the profile, not from the machine.
 */
const RIYADH = 'Asia/Riyadh';
const VIEWPORT = { width: 1360, height: 820 };
const EMMA = { id: 'c-emma', name: 'Emma Clarke' };
const LAYLA = { id: 'c-layla', name: 'ليلى حسن' };
const ENGLISH_TEXT = 'Hello, my order has not arrived yet. Can you check it?';
const ARABIC_TEXT = 'مرحبًا، هل يمكنني تغيير مقاس الحذاء؟';

/** Words that stay as they are in every language: brands, protocols, headers and keyboard keys. */
const ALLOWED =
  /\b(Switchboard|API|SLA|CSAT|NPS|Telegram|WhatsApp|SMS|Twilio|IMAP|SMTP|URL|IP|CSV|JSON|TLS|STARTTLS|OAuth|HTTP|POST|Enter|Shift|Esc|Ctrl|Cmd)\b|\bX(-[A-Za-z]+)+/g;
/** What the customer, the operator and the admin typed: names, messages, the inbox's name. */
const USER_DATA = [
  EMMA.name,
  EMMA.id,
  LAYLA.name,
  ENGLISH_TEXT,
  ARABIC_TEXT,
  'Shop API',
  OPERATOR.name,
  TEST_ADMIN.email,
  RIYADH,
  'Europe/London',
];

/** Every text the operator can read or hear on the screen: text nodes plus labels and hints. */
async function screenTexts(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return [];
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (!parent || parent.closest('script, style, [hidden], [aria-hidden=true]')) continue;
      if (!parent.checkVisibility()) continue;
      texts.push(walker.currentNode.textContent ?? '');
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [data-tooltip]'))
      for (const name of ['aria-label', 'title', 'placeholder', 'data-tooltip']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    return texts;
  }, scope);
}

/** The English words left once user data and brand names are taken out. */
async function englishWords(page: Page, scope?: string): Promise<string[]> {
  let text = (await screenTexts(page, scope)).join('\n');
  for (const data of USER_DATA) text = text.split(data).join(' ');
  // Template placeholders such as {{operator.name}} are code, not words.
  text = text.replace(ALLOWED, ' ').replace(/\{\{[\w.]+\}\}/g, ' ');
  // Words, and English unit letters after a number ("12s", "5m").
  return [...new Set(text.match(/[A-Za-z]{2,}|\d[A-Za-z]\b/g) ?? [])];
}

function centreX(box: { x: number; width: number }): number {
  return box.x + box.width / 2;
}

describe('inbox in Arabic: right to left, on Riyadh time', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let englishAt: Date;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.api.dataSource
      .getRepository('OperatorEntity')
      .update({ email: TEST_ADMIN.email }, { locale: 'ar', timezone: RIYADH });
    await h.customer(LAYLA.name, LAYLA.id).say(ARABIC_TEXT);
    await h.customer(EMMA.name, EMMA.id).say(ENGLISH_TEXT);
    // A known instant: 12:00 UTC on today's Riyadh date, i.e. 15:00 on the operator's clock.
    const riyadhToday = new Intl.DateTimeFormat('en-CA', { timeZone: RIYADH }).format(new Date());
    englishAt = new Date(`${riyadhToday}T12:00:00Z`);
    await h.api.dataSource
      .getRepository('MessageEntity')
      .update({ text: ENGLISH_TEXT }, { createdAt: englishAt });

    ui = await h.openPage(VIEWPORT, { locale: 'en-GB', timezoneId: 'Europe/London' });
    await ui.login();
    await ui.waitForFeed([EMMA.name, LAYLA.name]);
    await ui.openRow(EMMA.name);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('speaks Arabic on the feed, the conversation and the composer', async () => {
    const html = await ui.page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
    }));
    expect(html).toEqual({ lang: 'ar', dir: 'rtl' });
    await ui.page.waitForSelector('[data-testid=contact-card] [data-testid=contact-name]');
    expect(await ui.page.textContent('[data-testid=composer-send]')).toBe('إرسال');
    expect(await englishWords(ui.page)).toEqual([]);
    await ui.screenshot('inbox-ar-rtl');
  });

  it('mirrors the panes: the feed on the right, the customer card on the left', async () => {
    const feed = await ui.page.locator('.feed-pane').boundingBox();
    const conversation = await ui.page.locator('[data-testid=conversation]').boundingBox();
    const card = await ui.page.locator('[data-testid=contact-card]').first().boundingBox();
    if (!feed || !conversation || !card) throw new Error('a pane is not on the screen');
    expect(feed.x).toBeGreaterThanOrEqual(conversation.x + conversation.width - 1);
    expect(card.x + card.width).toBeLessThanOrEqual(conversation.x + 1);
    // The feed hugs the right edge of the window.
    expect(feed.x + feed.width).toBeGreaterThan(VIEWPORT.width - 4);
  });

  it('puts Send at the inline end (left) and mirrors icons that point a way', async () => {
    const composer = await ui.page.locator('[data-testid=composer]').boundingBox();
    const send = await ui.page.locator('[data-testid=composer-send]').boundingBox();
    if (!composer || !send) throw new Error('the composer is not on the screen');
    expect(centreX(send)).toBeLessThan(centreX(composer));
    // The paper plane of the Reply tab flies leftwards, the way Arabic text runs.
    const flipped = await ui.page.$$eval('svg.flip-rtl', (icons) =>
      icons.filter((i) => i.checkVisibility()).map((i) => getComputedStyle(i).transform),
    );
    expect(flipped.length).toBeGreaterThan(0);
    for (const transform of flipped) expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('lets customer text keep its own direction, in bubbles and in the reply box', async () => {
    const direction = (text: string) =>
      ui
        .timelineMessage(text)
        .locator('.message__text')
        .evaluate((el) => ({
          dir: el.getAttribute('dir'),
          direction: getComputedStyle(el).direction,
        }));
    expect(await direction(ENGLISH_TEXT)).toEqual({ dir: 'auto', direction: 'ltr' });

    const input = ui.page.locator('[data-testid=composer-input]');
    expect(await input.getAttribute('dir')).toBe('auto');
    await input.fill('Your parcel left our warehouse today.');
    expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await input.fill('تم شحن طلبك اليوم.');
    expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await input.fill('');

    await ui.openRow(LAYLA.name);
    expect(await direction(ARABIC_TEXT)).toEqual({ dir: 'auto', direction: 'rtl' });
    await ui.openRow(EMMA.name);
  });

  it('shows the time of a message on the operator’s Riyadh clock, not the browser’s', async () => {
    const stamp = ui.timelineMessage(ENGLISH_TEXT).locator('time');
    expect(await stamp.getAttribute('datetime')).toBe(englishAt.toISOString());
    // What Arabic on the Riyadh clock says for 12:00Z, computed by the same browser's Intl.
    const expected = await ui.page.evaluate(
      ({ iso, zone }) => {
        const at = new Date(iso);
        const time = { hour: '2-digit', minute: '2-digit' } as const;
        return {
          riyadh: new Intl.DateTimeFormat('ar', { timeZone: zone, ...time }).format(at),
          london: new Intl.DateTimeFormat('ar', { timeZone: 'Europe/London', ...time }).format(at),
          full: new Intl.DateTimeFormat('ar', {
            timeZone: zone,
            dateStyle: 'full',
            timeStyle: 'short',
          }).format(at),
          hour: new Intl.DateTimeFormat('en', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' })
            .format(at)
            .trim(),
        };
      },
      { iso: englishAt.toISOString(), zone: RIYADH },
    );
    expect(expected.hour).toBe('15');
    expect(expected.riyadh).not.toBe(expected.london);
    expect((await stamp.textContent())?.trim()).toBe(expected.riyadh);
    expect(await stamp.getAttribute('title')).toBe(expected.full);
  });

  it('opens the snooze menu inside the window, in Arabic', async () => {
    await ui.page.click('[data-testid=action-snooze]');
    const menu = ui.page.locator('[data-testid=snooze-menu]');
    await menu.waitFor();
    const box = await menu.boundingBox();
    const pane = await ui.page.locator('[data-testid=conversation]').boundingBox();
    const button = await ui.page.locator('[data-testid=action-snooze]').boundingBox();
    if (!box || !pane || !button) throw new Error('the snooze menu is not on the screen');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    // It opens over the conversation, not over the feed, hanging from one edge of its button.
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
    const hangsFromLeft = Math.abs(box.x - button.x) < 2;
    const hangsFromRight = Math.abs(box.x + box.width - (button.x + button.width)) < 2;
    expect(hangsFromLeft || hangsFromRight).toBe(true);
    expect(await englishWords(ui.page, '[data-testid=snooze-menu]')).toEqual([]);
    await ui.screenshot('inbox-ar-snooze-menu');
    await ui.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  it('speaks Arabic on the other screens, the shortcuts and the notifications', async () => {
    const leftovers: Record<string, string[]> = {};
    for (const screen of ['contacts', 'tasks', 'automation', 'reports']) {
      await ui.page.click(`[data-testid=nav-${screen}]`);
      await ui.page.waitForSelector(`[data-testid=nav-${screen}][aria-current=page]`);
      // Loading lines say "جارٍ …" ("loading…"); wait for the screen to settle before reading it.
      await ui.page.waitForFunction(() => !document.body.innerText.includes('جارٍ'), null, {
        timeout: 10_000,
      });
      leftovers[screen] = await englishWords(ui.page, 'main');
    }
    await ui.page.click('[data-testid=nav-inbox]');
    await ui.waitForConversation(EMMA.name);
    await ui.page.keyboard.press('?');
    await ui.page.waitForSelector('[data-testid=shortcuts-dialog]');
    leftovers['shortcuts'] = await englishWords(ui.page, '[data-testid=shortcuts-dialog]');
    await ui.page.keyboard.press('Escape');
    await ui.page.click('[data-testid=notification-centre-button]');
    await ui.page.waitForSelector('[data-testid=notification-panel]');
    leftovers['notifications'] = await englishWords(ui.page, '[data-testid=notification-panel]');
    await ui.page.keyboard.press('Escape');
    expect(leftovers).toEqual({
      contacts: [],
      tasks: [],
      automation: [],
      reports: [],
      shortcuts: [],
      notifications: [],
    });
  });

  it('opens dialogs inside the window, in Arabic: the assignee picker and the profile', async () => {
    const inside = async (selector: string) => {
      const box = await ui.page.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not on the screen`);
      return (
        box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= VIEWPORT.width &&
        box.y + box.height <= VIEWPORT.height
      );
    };
    await ui.page.locator('[data-testid=conversation]').click({ position: { x: 300, y: 400 } });
    await ui.page.keyboard.press('a');
    await ui.page.waitForSelector('[data-testid=assignee-picker]');
    expect(await inside('[data-testid=assignee-picker]')).toBe(true);
    expect(await englishWords(ui.page, '[data-testid=assignee-picker]')).toEqual([]);
    // A name typed in Latin letters runs left to right inside the Arabic dialog.
    const search = ui.page.locator('[data-testid=assignee-search]');
    await search.fill('Anna');
    expect(await search.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForSelector('[data-testid=assignee-picker]', { state: 'detached' });

    await ui.page.click('[data-testid=profile-open]');
    await ui.page.waitForSelector('[data-testid=profile-dialog]');
    expect(await inside('[data-testid=profile-dialog]')).toBe(true);
    expect(await englishWords(ui.page, '[data-testid=profile-dialog]')).toEqual([]);
    await ui.page.keyboard.press('Escape');
    await ui.page.waitForSelector('[data-testid=profile-dialog]', { state: 'detached' });
  });

  it('on a phone: the back arrow points right, the snooze sheet spans the bottom', async () => {
    const phone = await h.openPage(
      { width: 390, height: 844 },
      { locale: 'en-GB', timezoneId: 'Europe/London' },
    );
    try {
      await phone.login();
      await phone.openRow(EMMA.name);
      const back = phone.page.locator('.conversation-header__back');
      const arrow = await back.boundingBox();
      if (!arrow) throw new Error('no back button on a phone');
      // "Back" is the inline start, which is the right in Arabic; its arrow is mirrored.
      expect(centreX(arrow)).toBeGreaterThan(390 / 2);
      expect(await back.locator('svg').evaluate((svg) => getComputedStyle(svg).transform)).toBe(
        'matrix(-1, 0, 0, 1, 0, 0)',
      );
      await phone.page.click('[data-testid=action-snooze]');
      const sheet = await phone.page.locator('[data-testid=snooze-menu]').boundingBox();
      if (!sheet) throw new Error('no snooze sheet on a phone');
      expect(sheet.x).toBeGreaterThanOrEqual(0);
      expect(sheet.x + sheet.width).toBeLessThanOrEqual(390);
      expect(sheet.width).toBeGreaterThan(390 - 4);
      expect(Math.abs(sheet.y + sheet.height - 844)).toBeLessThan(2);
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('speaks Arabic on the settings screen', async () => {
    await ui.toggleSettings(true);
    expect(await englishWords(ui.page, '[data-testid=settings]')).toEqual([]);
    await ui.toggleSettings(false);
    expect(ui.pageErrors).toEqual([]);
  });
});
