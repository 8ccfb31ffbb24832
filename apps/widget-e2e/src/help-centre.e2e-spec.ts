import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import {
  createTestDatabase,
  loginAs,
  startTestApi,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { seedArticle } from './support/kb-articles';
import { randomPng } from './support/random-png';

const SCREENSHOT_DIR = resolve(__dirname, '../../../docs/screenshots');

/**
 * The public help centre in Chromium with JavaScript turned off: the front page lists the
 * articles by category, a Russian search finds the Russian article (and the image uploaded in the
 * editor shows in it), the language switcher and the article work, Arabic is right to left, and
 * "Was this helpful?" is a plain form.
 */
describe('help centre without JavaScript (Chromium)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    const image = await uploadAsOperator('card.png', randomPng(40, 30));
    await seedArticle(api.dataSource, { slug: 'billing', names: { en: 'Billing', ru: 'Оплата' } }, [
      {
        locale: 'en',
        title: 'Paying by card',
        slug: 'paying-by-card',
        bodyHtml: '<p>Open Billing and add a card.</p>',
      },
      {
        locale: 'ru',
        title: 'Оплата банковской картой',
        slug: 'оплата-картой',
        bodyHtml:
          '<p>Откройте раздел «Оплата» и добавьте банковскую карту.</p>' +
          `<p><img src="/api/files/${image.id}/card.png" alt="Форма оплаты"></p>`,
      },
      {
        locale: 'ar',
        title: 'الدفع بالبطاقة',
        slug: 'الدفع-بالبطاقة',
        bodyHtml: '<p>افتح صفحة الفواتير وأضف بطاقة.</p>',
      },
    ]);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  }, 240_000);

  /** As the knowledge base's editor uploads an image: the operator's POST /api/files. */
  async function uploadAsOperator(name: string, content: Buffer): Promise<{ id: string }> {
    const { login } = await loginAs(api.baseUrl);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'image/png' }), name);
    const res = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.token}` },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload → ${res.status}`);
    return (await res.json()) as { id: string };
  }

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.close();
    await db?.drop();
  });

  it('lists, searches in Russian, switches language, reads and votes without a script', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${api.baseUrl}/help`);
    expect(page.url()).toBe(`${api.baseUrl}/help/en`);
    await page.locator('h2:has-text("Billing")').waitFor();
    expect(await page.locator('main a:text-is("Paying by card")').count()).toBe(1);
    // The stylesheet is applied (its hash is in the CSP): the header wears the brand colour.
    // Playwright reads styles from its own world, so this works with the page's script off.
    const headerColour = await page
      .locator('header')
      .evaluate((h) => getComputedStyle(h).backgroundColor);
    expect(headerColour).toBe('rgb(37, 99, 235)');

    await page.fill('input[name=q]', 'банковскую карту');
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/\/help\/en\/search\?q=/);
    const hit = page.locator('main a:text-is("Оплата банковской картой")');
    await hit.waitFor();
    await hit.click();
    await page.waitForURL(/\/help\/ru\//);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('h1').textContent()).toBe('Оплата банковской картой');
    // The uploaded image is served to readers without a session, and it decodes.
    await page.waitForLoadState('load');
    const shown = page.locator('img[alt="Форма оплаты"]');
    expect(await shown.getAttribute('src')).toMatch(/^\/help\/files\//);
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);

    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'help-centre-article.png') });
    await page.click('button:text-is("Да")');
    await page.waitForURL(/thanks=1/);
    expect(await page.locator('[role=status]').textContent()).toBe('Спасибо за отзыв!');
    const votes = await api.dataSource
      .getRepository<{ helpful: boolean }>('KbArticleFeedbackEntity')
      .find();
    expect(votes.map((v) => v.helpful)).toEqual([true]);

    await page.click('nav.langs a:text-is("العربية")');
    await page.waitForURL(/\/help\/ar\//);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('الدفع بالبطاقة');
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'help-centre-ar-rtl.png') });

    const missing = await page.goto(`${api.baseUrl}/help/en/no-such-article`);
    expect(missing?.status()).toBe(404);
    expect(violations).toEqual([]);
  });
});
