import type { InboxDto } from '@switchboard/contracts';
import { auditAccessibility, faintFieldEdges } from '@switchboard/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { startCustomerSite, type CustomerSite } from './support/customer-site';
import { OperatorUi } from './support/operator-ui';
import { randomPng } from './support/random-png';
import { HMAC_SECRET, WebchatHarness } from './support/webchat-harness';

const PHONE = { width: 390, height: 844 };
const IMAGE = randomPng(400, 300);
/** Emoji and the old text marks the widget used to draw with (📎 ✓ ×): icons are SVG now. */
const GLYPHS = /[\p{Extended_Pictographic}\u2713\u00d7]/u;
const WIDGET = ['[data-switchboard-widget]', '.sb-root'];

/** axe-core (WCAG 2.2 AA) and field edges on what the widget shows now: nothing serious. */
async function expectAccessible(page: Page): Promise<void> {
  const { blocking } = await auditAccessibility(page, WIDGET);
  expect([
    ...blocking,
    ...(await faintFieldEdges(page, '[data-switchboard-widget] .sb-root')),
  ]).toEqual([]);
}

/**
 * The finished widget on a phone, against a shop whose inbox asks pre-chat questions and is away:
 * full screen, the questions before the first message, the away notice, an image with a caption
 * and a moving upload bar, the newest message in view, SVG icons — and the operator sees the page.
 */
describe('web chat widget, finished: pre-chat, phone layout, files, hours', () => {
  let h: WebchatHarness;
  let operator: OperatorUi;
  let shop: CustomerSite;
  let inbox: InboxDto;
  let context: BrowserContext;
  let page: Page;
  const openingDay = (new Date().getUTCDay() + 2) % 7;

  beforeAll(async () => {
    h = await WebchatHarness.start();
    let id: string | null = null;
    shop = await startCustomerSite(() =>
      id
        ? `<script async src="${h.api.baseUrl}/widget/loader.js" data-inbox="${id}"></script>`
        : '',
    );
    inbox = await h.admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: {
        allowedOrigins: [shop.origin],
        greeting: 'Hello from the shop!',
        preChatFields: [
          { key: 'name', label: 'Your name', type: 'name', required: true },
          { key: 'email', label: 'Email', type: 'email', required: true },
          { key: 'order_number', label: 'Order number', type: 'text', required: false },
        ],
      },
      secrets: { hmacSecret: HMAC_SECRET },
    });
    id = inbox.id;
    // Open only two days from now, 09:00–10:00 UTC: away whenever the test runs.
    await h.admin.ok('PUT', `/api/inboxes/${inbox.id}/business-hours`, {
      businessHours: {
        timezone: 'UTC',
        intervals: [{ day: openingDay, from: '09:00', to: '10:00' }],
      },
    });
    operator = new OperatorUi(await h.newPage(), h.api.baseUrl);
    await operator.login();
    context = await h.browser.newContext({
      viewport: PHONE,
      locale: 'en-GB',
      timezoneId: 'UTC',
      hasTouch: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => h.pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await shop?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(h.pageErrors).toEqual([]);
  });

  it('covers the phone, asks the pre-chat questions, says when the team is back', async () => {
    await page.goto(shop.url('/tents/trail-2'));
    await page.click('.sb-bubble');
    await page.waitForSelector('.sb-prechat input[name=name]', { state: 'visible' });

    // Full screen: the panel is the viewport, the bubble steps aside, the page behind stays put.
    const box = await page.$eval('.sb-panel', (p) => p.getBoundingClientRect().toJSON());
    expect(box).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    expect(await page.isVisible('.sb-bubble')).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe(
      'hidden',
    );

    // Away: when the team answers, in the visitor's language and timezone.
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.now() + 2 * 86_400_000),
    );
    expect(await page.textContent('.sb-availability')).toBe(
      `We’re away — we’ll reply on ${weekday} at 09:00.`,
    );

    // The composer waits for the answers; wrong ones are named before anything is sent.
    expect(await page.isVisible('.sb-compose')).toBe(false);
    await page.click('.sb-prechat button[type=submit]');
    expect(await page.textContent('.sb-prechat-error')).toBe('Please fill in “Your name”.');
    await expectAccessible(page);
    await page.fill('.sb-prechat input[name=name]', 'Ana López');
    await page.fill('.sb-prechat input[name=email]', 'ana@');
    await page.click('.sb-prechat button[type=submit]');
    expect(await page.textContent('.sb-prechat-error')).toBe('Please enter a valid email address.');
    expect(await page.getAttribute('.sb-prechat input[name=email]', 'aria-invalid')).toBe('true');
    await page.fill('.sb-prechat input[name=email]', 'ana@example.com');
    await page.fill('.sb-prechat input[name=order_number]', 'A-1042');
    await page.click('.sb-prechat button[type=submit]');
    await page.waitForSelector('.sb-compose textarea', { state: 'visible' });

    // Icons are SVG everywhere; no emoji glyph is drawn (they show as boxes without an emoji font).
    for (const where of ['.sb-head button', '.sb-attach', '.sb-send'])
      expect(await page.$(`${where} svg`)).not.toBeNull();
    const texts = await page.$eval('.sb-panel', (p) => p.textContent ?? '');
    expect(texts).not.toMatch(GLYPHS);

    for (let i = 1; i <= 12; i++) {
      await page.fill('.sb-chat textarea', `Question number ${i} about the Trail 2`);
      await page.press('.sb-chat textarea', 'Enter');
      await page.waitForSelector(
        `.sb-log li[data-author=visitor]:has-text("Question number ${i} ") .sb-meta[data-status=sent], .sb-log li[data-author=visitor]:has-text("Question number ${i} ") .sb-meta[data-status=delivered]`,
      );
    }
    expect(
      await page.$('.sb-log .sb-meta[data-status=sent] svg, .sb-log .sb-meta svg'),
    ).not.toBeNull();
  });

  it('previews an image with a caption, shows the upload moving, keeps the newest in view', async () => {
    await page.setInputFiles('.sb-attach input[type=file]', {
      name: 'tent.png',
      mimeType: 'image/png',
      buffer: IMAGE,
    });
    await page.waitForSelector('.sb-preview img', { state: 'visible' });
    expect(
      await page.$eval('.sb-preview img', (img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(400);
    await page.fill('.sb-preview input[name=caption]', 'The tear, here');
    await expectAccessible(page);

    // A slow uplink (100 KB/s) so the bar is seen moving for a few seconds.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 100 * 1024,
    });
    await page.click('.sb-preview-send');
    const bar = '.sb-log li[data-author=visitor] [role=progressbar]';
    await page.waitForSelector(bar);
    expect(await page.getAttribute(bar, 'aria-valuemin')).toBe('0');
    expect(await page.getAttribute(bar, 'aria-valuemax')).toBe('100');
    await page.waitForFunction(
      (sel) => {
        const el = document
          .querySelector('[data-switchboard-widget]')
          ?.shadowRoot?.querySelector(sel);
        const now = Number(el?.getAttribute('aria-valuenow'));
        return now > 0 && now < 100;
      },
      bar,
      { timeout: 15_000 },
    );
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // Stored: the bar is gone, the caption sits under the image the server now serves.
    const stored = '.sb-log li[data-author=visitor]:has(.sb-text:text-is("The tear, here"))';
    await page.waitForSelector(
      `${stored} .sb-meta[data-status=sent], ${stored} .sb-meta[data-status=delivered]`,
      {
        timeout: 30_000,
      },
    );
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-switchboard-widget]')?.shadowRoot;
      const images = Array.from(root?.querySelectorAll('.sb-log img') ?? []) as HTMLImageElement[];
      return images.length > 0 && images.every((img) => img.complete && img.naturalHeight > 0);
    });
    expect(await page.$(bar)).toBeNull();

    // The newest message is whole inside the log, after its image arrived and laid out. The log
    // follows on the image's load event and resize, a frame after the image is complete, so the
    // measure below waits for that frame (and fails on what it finds if it never comes).
    await page
      .waitForFunction(
        () => {
          const root = document.querySelector('[data-switchboard-widget]')?.shadowRoot;
          const log = root?.querySelector('.sb-log') as HTMLElement;
          const items = log.querySelectorAll('li[data-author]');
          const last = items[items.length - 1] as HTMLElement;
          return log.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom >= -1;
        },
        undefined,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    const fit = await page.evaluate(() => {
      const root = document.querySelector('[data-switchboard-widget]')?.shadowRoot;
      const log = root?.querySelector('.sb-log') as HTMLElement;
      const items = log.querySelectorAll('li[data-author]');
      const last = items[items.length - 1] as HTMLElement;
      const a = log.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return {
        overflowing: log.scrollHeight > log.clientHeight,
        top: b.top - a.top,
        bottom: a.bottom - b.bottom,
        caption: last.textContent,
      };
    });
    expect(fit.overflowing).toBe(true);
    expect(fit.caption).toContain('The tear, here');
    expect(fit.top).toBeGreaterThanOrEqual(-1);
    expect(fit.bottom).toBeGreaterThanOrEqual(-1);
  });

  it('shows the operator the answers, the page and the hours', async () => {
    await operator.openConversationWith('Question number 1 about the Trail 2', 'The tear, here');
    const first =
      '[data-testid=timeline-message]:has(.message__text:text-is("Question number 1 about the Trail 2"))';
    const link = await operator.page.$(`${first} [data-testid=message-source-url]`);
    expect(await link?.getAttribute('href')).toBe(shop.url('/tents/trail-2'));
    expect(await link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await link?.textContent()).toBe(`${new URL(shop.origin).host}/tents/trail-2`);
    // The visitor came straight to the page: no referrer line.
    expect(await operator.page.$(`${first} [data-testid=message-source-referrer]`)).toBeNull();
    expect(await operator.page.textContent('[data-testid=conversation-name]')).toContain(
      'Ana López',
    );
    expect(await operator.page.textContent('[data-testid=inbox-hours]')).toMatch(
      /^Outside business hours, opens /,
    );
  });
});
