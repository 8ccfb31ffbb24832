import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { MAX_TEXT_LENGTH, type InboxDto } from '@switchboard/contracts';
import { startCustomerSite, type CustomerSite } from './support/customer-site';
import { HMAC_SECRET, WebchatHarness } from './support/webchat-harness';
import { WidgetUi } from './support/widget-ui';

const SCREENSHOT_DIR = resolve(__dirname, '../../../docs/screenshots');

interface Box {
  left: number;
  right: number;
}

/** What the visitor sees of the open panel's language and layout, measured in the page. */
interface PanelLook {
  lang: string;
  direction: string;
  closeLabel: string;
  placeholder: string;
  placeholderDirection: string;
  send: string;
  bubbleLabel: string;
  sendBox: Box;
  textareaBox: Box;
  attachBox: Box;
  closeBox: Box;
  titleBox: Box;
  sendIconTransform: string;
}

function readPanel(page: Page): Promise<PanelLook> {
  return page.$eval('[data-switchboard-widget]', (host) => {
    const root = host.shadowRoot as ShadowRoot;
    const q = (selector: string): Element => {
      const found = root.querySelector(selector);
      if (!found) throw new Error(`missing ${selector}`);
      return found;
    };
    const box = (selector: string) => {
      const r = q(selector).getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const chat = q('.sb-chat') as HTMLElement;
    const icon = root.querySelector('.sb-compose button[type=submit] svg');
    return {
      lang: chat.lang,
      direction: getComputedStyle(chat).direction,
      closeLabel: q('.sb-head button:not(.sb-portal)').getAttribute('aria-label') ?? '',
      placeholder: q('.sb-compose textarea').getAttribute('placeholder') ?? '',
      placeholderDirection: getComputedStyle(q('.sb-compose textarea')).direction,
      send: (q('.sb-compose button[type=submit]').textContent ?? '').trim(),
      bubbleLabel: q('.sb-bubble').getAttribute('aria-label') ?? '',
      sendBox: box('.sb-compose button[type=submit]'),
      textareaBox: box('.sb-compose textarea'),
      attachBox: box('.sb-compose .sb-attach'),
      closeBox: box('.sb-head button:not(.sb-portal)'),
      titleBox: box('.sb-chat h2'),
      sendIconTransform: icon ? getComputedStyle(icon).transform : 'none',
    };
  });
}

/**
 * The widget speaks the visitor's language: Arabic right to left (mirrored composer, header and
 * messages, the send arrow turned round), Bulgarian with its plural forms, and the site's
 * data-locale over the browser's choice. One API, database and Chromium for the whole file.
 */
describe('web chat widget languages in Chromium', () => {
  let h: WebchatHarness;
  let russianSite: CustomerSite;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    h = await WebchatHarness.start();
    // A second site whose snippet pins the widget to Russian (data-locale on the script tag).
    let inbox: InboxDto | null = null;
    russianSite = await startCustomerSite(() =>
      inbox
        ? `<script async src="${h.api.baseUrl}/widget/loader.js" data-inbox="${inbox.id}" data-locale="ru"></script>`
        : '',
    );
    inbox = await h.admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Russian shop chat',
      settings: { allowedOrigins: [russianSite.origin] },
      secrets: { hmacSecret: HMAC_SECRET },
    });
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await russianSite?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(h.pageErrors).toEqual([]);
  });

  async function visitorPage(locale: string, url: string): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width: 1200, height: 800 }, locale });
    contexts.push(context);
    const page = await h.newPage(context);
    await page.goto(url);
    return page;
  }

  it('an Arabic browser gets an Arabic panel laid out right to left', async () => {
    const page = await visitorPage('ar-SA', h.site.url('/ar'));
    expect(await page.evaluate(() => navigator.languages[0])).toBe('ar-SA');
    await page.waitForSelector('.sb-bubble[aria-label="فتح المحادثة"]');
    const widget = new WidgetUi(page);
    await widget.open();

    const look = await readPanel(page);
    expect(look).toMatchObject({
      lang: 'ar-SA',
      direction: 'rtl',
      closeLabel: 'إغلاق المحادثة',
      placeholder: 'اكتب رسالة…',
      placeholderDirection: 'rtl',
      send: 'إرسال',
      bubbleLabel: 'إغلاق المحادثة',
    });
    // Mirrored composer: send on the left of the text box, the paper clip on its right.
    expect(look.sendBox.right).toBeLessThanOrEqual(look.textareaBox.left + 1);
    expect(look.attachBox.left).toBeGreaterThanOrEqual(look.textareaBox.right - 1);
    // Mirrored header: the close button on the left, the title on the right.
    expect(look.closeBox.right).toBeLessThanOrEqual(look.titleBox.left + 1);
    // The send arrow points left (mirrored), the way an Arabic message travels.
    expect(look.sendIconTransform).toMatch(/^matrix\(-1, 0, 0, 1,/);

    // The visitor's own message sits on the left (the end side in Arabic).
    await widget.send('مرحبا، هل تشحنون إلى الرياض؟');
    await widget.waitForMessage('visitor', 'مرحبا، هل تشحنون إلى الرياض؟');
    const sides = await page.$eval('[data-switchboard-widget]', (host) => {
      const root = host.shadowRoot as ShadowRoot;
      const log = (root.querySelector('.sb-log') as Element).getBoundingClientRect();
      const mine = (
        root.querySelector('.sb-log li[data-author=visitor]') as Element
      ).getBoundingClientRect();
      return { gapLeft: mine.left - log.left, gapRight: log.right - mine.right };
    });
    expect(sides.gapLeft).toBeLessThan(sides.gapRight);
    const panel = await page.waitForSelector('.sb-panel');
    await panel.screenshot({ path: resolve(SCREENSHOT_DIR, 'widget-ar-rtl.png') });

    // A counted error in Arabic, by the Arabic plural rules (never the English sentence).
    await page.fill('.sb-chat textarea', 'ا'.repeat(MAX_TEXT_LENGTH + 1));
    await page.press('.sb-chat textarea', 'Enter');
    const error = await page.waitForSelector('.sb-error:not(:empty)');
    expect(await error.textContent()).toBe(`لا يمكن أن تتجاوز الرسالة ${MAX_TEXT_LENGTH} حرف.`);
  });

  it('a Bulgarian browser gets the widget in Bulgarian, left to right', async () => {
    const page = await visitorPage('bg-BG', h.site.url('/bg'));
    await page.waitForSelector('.sb-bubble[aria-label="Отвори чата"]');
    const widget = new WidgetUi(page);
    await widget.open();

    const look = await readPanel(page);
    expect(look).toMatchObject({
      lang: 'bg-BG',
      direction: 'ltr',
      closeLabel: 'Затвори чата',
      placeholder: 'Напишете съобщение…',
      send: 'Изпрати',
      sendIconTransform: 'none',
    });
    expect(look.sendBox.left).toBeGreaterThanOrEqual(look.textareaBox.right - 1);

    await page.fill('.sb-chat textarea', 'я'.repeat(MAX_TEXT_LENGTH + 1));
    await page.press('.sb-chat textarea', 'Enter');
    const error = await page.waitForSelector('.sb-error:not(:empty)');
    // "най-много 10000 знака": the counted form of Bulgarian, not the English sentence.
    expect(await error.textContent()).toBe(
      `Съобщението може да е най-много ${MAX_TEXT_LENGTH} знака.`,
    );
  });

  it('the site’s data-locale wins over the browser’s language', async () => {
    const page = await visitorPage('ar-SA', russianSite.url('/'));
    await page.waitForSelector('.sb-bubble[aria-label="Открыть чат"]');
    const widget = new WidgetUi(page);
    await widget.open();

    const look = await readPanel(page);
    expect(look).toMatchObject({
      lang: 'ru',
      direction: 'ltr',
      closeLabel: 'Закрыть чат',
      placeholder: 'Напишите сообщение…',
      send: 'Отправить',
    });
    expect(look.sendBox.left).toBeGreaterThanOrEqual(look.textareaBox.right - 1);
  });
});
