import type { ConversationSummaryDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/**
 * Tags in the browser: added from the conversation header, shown on feed rows, and `#tag` in the
 * search box filtering the feed in each status tab, with a Cyrillic and an Arabic tag, any case.
 */
describe('inbox: tags and #tag search', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const olena = 'Олена Петренко';
  const omar = 'عمر الفاروق';
  const bob = 'Bob Miller';

  const feedIs = async (names: string[]) => {
    const wanted = JSON.stringify([...names].sort());
    await waitUntil(
      async () => JSON.stringify((await ui.feedNames()).sort()) === wanted,
      async () => `feed is ${JSON.stringify(await ui.feedNames())}, want ${wanted}`,
    );
  };
  const search = async (text: string) => {
    await ui.page.fill('[data-testid=feed-search]', text);
    await ui.page.press('[data-testid=feed-search]', 'Enter');
  };
  const tagViaApi = (c: ConversationSummaryDto, name: string) =>
    h.admin.ok('POST', `/api/conversations/${c.id}/tags`, { name });

  beforeAll(async () => {
    h = await InboxHarness.start();
    for (const name of [olena, omar, bob])
      expect((await h.customer(name).say(`Hello from ${name}`)).status).toBe(200);
    ui = await h.openPage();
    await ui.login();
    await feedIs([olena, omar, bob]);
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
  });

  it('adds a tag from the conversation header; the row shows it', async () => {
    await ui.openRow(olena);
    await ui.page.fill('[data-testid=tag-input]', 'Оплата');
    await ui.page.press('[data-testid=tag-input]', 'Enter');
    await ui.page.waitForSelector(
      '[data-testid=tag-editor] [data-testid=tag-chip][data-tag="Оплата"]',
    );
    await ui.page.waitForSelector(
      `[data-testid=feed-row]:has-text("${olena}") [data-testid=tag-chip][data-tag="Оплата"]`,
    );
    // The same name in another case is the same tag; the Arabic one is new.
    await tagViaApi(await h.conversationOf(omar), 'оплата');
    await tagViaApi(await h.conversationOf(omar), 'دفع');
    await ui.page.waitForSelector(
      `[data-testid=feed-row]:has-text("${omar}") [data-testid=tag-chip][data-tag="دفع"]`,
    );
    expect(
      await ui.page.getAttribute(
        `[data-testid=feed-row]:has-text("${omar}") [data-testid=tag-chip] >> nth=0`,
        'data-tag',
      ),
    ).toBe('Оплата');
  });

  it('filters the feed by #tag in any case, and by several tags at once', async () => {
    await search('#ОПЛАТА');
    await feedIs([olena, omar]);
    await search('#دفع');
    await feedIs([omar]);
    await search('#оплата #دفع');
    await feedIs([omar]);
    await search('#оплата #nothing');
    await ui.page.waitForSelector('[data-testid=feed-empty]');
    await ui.page.press('[data-testid=feed-search]', 'Escape');
    await feedIs([olena, omar, bob]);
  });

  it('a tag added by a colleague brings the conversation into the filtered feed live', async () => {
    await search('#оплата');
    await feedIs([olena, omar]);
    await tagViaApi(await h.conversationOf(bob), 'ОПЛАТА');
    await feedIs([olena, omar, bob]);
  });

  it('clicking a tag chip in the header filters by it, in every status tab', async () => {
    await ui.page.press('[data-testid=feed-search]', 'Escape');
    await ui.openRow(omar);
    await ui.page.click('[data-testid=tag-editor] [data-testid=tag-chip][data-tag="دفع"]');
    expect(await ui.page.inputValue('[data-testid=feed-search]')).toBe('#دفع');
    await feedIs([omar]);

    await h.admin.ok('POST', `/api/conversations/${(await h.conversationOf(omar)).id}/close`);
    await h.admin.ok('POST', `/api/conversations/${(await h.conversationOf(olena)).id}/close`);
    await ui.page.click('[data-testid=tab-closed]');
    await feedIs([omar]);
    await search('#Оплата');
    await feedIs([olena, omar]);
    await ui.page.click('[data-testid=tab-open]');
    await feedIs([bob]);
    await ui.screenshot('tags-filter');
  });

  it('an admin merges the Arabic tag into the Cyrillic one in settings; rows follow live', async () => {
    ui.page.on('dialog', (dialog) => void dialog.accept());
    await ui.page.press('[data-testid=feed-search]', 'Escape');
    await ui.page.click('[data-testid=settings-open]');
    await ui.page.click('[data-testid=settings-tags]');
    const arabic = ui.page.locator('[data-testid=tags-admin-row][data-tag="دفع"]');
    await arabic.locator('[data-testid=tags-admin-merge-target]').selectOption({ label: 'Оплата' });
    await arabic.locator('[data-testid=tags-admin-merge]').click();
    await ui.page.waitForSelector('[data-testid=tags-admin-row][data-tag="دفع"]', {
      state: 'detached',
    });
    await ui.screenshot('tags-settings');
    const omarTags = await h.conversationOf(omar, 'closed');
    expect(omarTags.tags.map((t) => t.name)).toEqual(['Оплата']);
    await ui.page.click('.settings__nav-head .icon-button');
    await ui.page.click('[data-testid=tab-closed]');
    await ui.page.waitForSelector(
      `[data-testid=feed-row]:has-text("${omar}") [data-testid=tag-chip][data-tag="Оплата"]`,
    );
    expect(
      await ui.page
        .locator(`[data-testid=feed-row]:has-text("${omar}") [data-testid=tag-chip]`)
        .count(),
    ).toBe(1);
  });
});
