import type {
  ConversationSummaryDto,
  Page as ApiPage,
  ViewedArticlesDto,
} from '@switchboard/contracts';
import { seedArticle } from './support/kb-articles';
import { OperatorUi } from './support/operator-ui';
import { WebchatHarness } from './support/webchat-harness';
import { WidgetUi } from './support/widget-ui';

const RU_TITLE = 'Как вернуть товар';

/**
 * Help articles in the real widget: the visitor searches in Russian, reads the article inside the
 * panel (links open a new tab, Back returns), gets it suggested while typing a message, writes,
 * and the operator sees "Viewed before writing" beside the conversation. One API and Chromium.
 */
describe('help articles in the web chat widget (Chromium)', () => {
  let h: WebchatHarness;

  beforeAll(async () => {
    h = await WebchatHarness.start();
    await seedArticle(h.api.dataSource, { slug: 'orders', names: { en: 'Orders', ru: 'Заказы' } }, [
      {
        locale: 'en',
        title: 'How to return an item',
        slug: 'return-an-item',
        bodyHtml: '<p>Open your orders and choose Return.</p>',
      },
      {
        locale: 'ru',
        title: RU_TITLE,
        slug: 'возврат-товара',
        bodyHtml:
          '<h2>Возврат за 14 дней</h2><p>Откройте <a href="https://shop.example/orders">заказы</a> и нажмите «Вернуть товар».</p>',
      },
    ]);
    await seedArticle(h.api.dataSource, null, [
      {
        locale: 'ru',
        title: 'Черновик о возврате денег',
        slug: 'черновик-возврат',
        bodyHtml: '<p>Вернуть деньги можно позже.</p>',
        status: 'draft',
      },
    ]);
  }, 240_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('a visitor finds a Russian article, reads it in the widget, gets it suggested; the operator sees it', async () => {
    const page = await h.newPage();
    await page.goto(h.site.url('/returns'));
    const widget = new WidgetUi(page);
    await widget.open();

    // Search: the Russian article, never the draft.
    await page.fill('.sb-kb-search input', 'вернуть товар');
    await page.press('.sb-kb-search input', 'Enter');
    const hit = page.locator(`.sb-kb-results button:text-is("${RU_TITLE}")`);
    await hit.waitFor({ timeout: 15_000 });
    expect(await page.locator('.sb-kb-results').textContent()).not.toContain('Черновик');

    // Read it inside the panel: sanitised body, links to a new tab, Back to the results.
    await hit.click();
    const reader = page.locator('.sb-kb-reader');
    await reader.locator(`h3:text-is("${RU_TITLE}")`).waitFor();
    expect(await reader.locator('.sb-kb-body h2').textContent()).toBe('Возврат за 14 дней');
    const link = reader.locator('.sb-kb-body a');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await page.locator('.sb-log').isHidden()).toBe(true);
    await page.click('.sb-kb-back');
    await page.locator('.sb-kb-results').waitFor({ state: 'visible' });

    // Clearing the search returns to the conversation; typing a message suggests articles.
    await page.fill('.sb-kb-search input', '');
    await page.press('.sb-kb-search input', 'Enter');
    await page.locator('.sb-log').waitFor({ state: 'visible' });
    await page.fill('.sb-chat textarea', 'Хочу вернуть товар');
    const suggestion = page.locator(`.sb-kb-suggest button:text-is("${RU_TITLE}")`);
    await suggestion.waitFor({ timeout: 15_000 });
    expect(await page.locator('.sb-kb-suggest li').count()).toBeLessThanOrEqual(3);

    await widget.send('Хочу вернуть товар, статья не помогла');
    await widget.waitForMessage('visitor', 'Хочу вернуть товар, статья не помогла', 'delivered');
    expect(await page.locator('.sb-kb-suggest').isHidden()).toBe(true);

    // The operator's API and inbox: "Viewed before writing" with the article's help-centre link.
    const feed = await h.admin.ok<ApiPage<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    const conversation = feed.items.find((c) => c.lastMessagePreview?.startsWith('Хочу вернуть'));
    expect(conversation).toBeDefined();
    const viewed = await h.admin.ok<ViewedArticlesDto>(
      'GET',
      `/api/conversations/${conversation?.id ?? ''}/viewed-articles`,
    );
    expect(viewed.items.map((a) => a.title)).toEqual([RU_TITLE]);
    expect(decodeURI(viewed.items[0]?.url ?? '')).toBe(`${h.api.baseUrl}/help/ru/возврат-товара`);

    const operator = new OperatorUi(await h.newPage(), h.api.baseUrl);
    await operator.login();
    await operator.openConversationWith('Хочу вернуть товар, статья не помогла');
    const section = operator.page.locator('[data-testid=viewed-articles]');
    await section.waitFor({ timeout: 15_000 });
    expect(await section.textContent()).toContain('Viewed before writing');
    expect(await section.locator('a').getAttribute('href')).toBe(viewed.items[0]?.url);
    expect(h.pageErrors).toEqual([]);
  });
});
