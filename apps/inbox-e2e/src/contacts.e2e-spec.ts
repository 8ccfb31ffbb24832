import type { ContactDto, ConversationSummaryDto, Page } from '@switchboard/contracts';
import { ApiChannelCustomer, createApiInbox } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/**
 * The customer card in the browser: beside the open conversation with every channel identity and
 * earlier conversation, edited (notes and a custom attribute), filtered by in the feed, as its own
 * page with its conversations openable, and the Contacts screen's search and create.
 */
describe('inbox: the customer card and contacts', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const ana = { id: 'ana-1', name: 'Ana Lima', email: 'ana@example.test' };
  let closedId: string;
  let openId: string;
  let anaId: string;

  const texts = (selector: string) => ui.page.locator(selector).allTextContents();

  beforeAll(async () => {
    h = await InboxHarness.start();
    // Ana wrote to Billing last month (closed since), and now to Support: one card, two inboxes.
    const billing = await createApiInbox(h.admin, 'Billing');
    const support = await createApiInbox(h.admin, 'Support');
    const say = (inbox: typeof billing, who: object, text: string) =>
      new ApiChannelCustomer(h.api.baseUrl, inbox.inbox.id, inbox.signingSecret).say(
        text,
        undefined,
        who as typeof ana,
      );
    expect((await say(billing, ana, 'Invoice 12 is wrong')).status).toBe(200);
    const all = () =>
      h.admin.ok<Page<ConversationSummaryDto>>('GET', '/api/conversations?status=open&limit=100');
    closedId = (await all()).items.find((c) => c.inboxId === billing.inbox.id)!.id;
    await h.admin.ok('POST', `/api/conversations/${closedId}/close`, {});
    expect((await say(support, ana, 'Where is my parcel?')).status).toBe(200);
    expect((await say(support, { id: 'bob-1', name: 'Bob Miller' }, 'Hello')).status).toBe(200);
    const open = (await all()).items.find(
      (c) => c.inboxId === support.inbox.id && c.contact.name === ana.name,
    )!;
    openId = open.id;
    anaId = open.contact.id;
    await h.admin.ok('POST', '/api/contact-attributes', {
      key: 'plan',
      label: 'Plan',
      type: 'list',
      options: ['gold', 'silver'],
    });
    ui = await h.openPage();
    await ui.login();
    await ui.waitForFeed(['Bob Miller', ana.name]);
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
  });

  it('shows the card beside the conversation, edits it, and filters the feed by its attribute', async () => {
    await ui.openRow(ana.name);
    const card = ui.page.locator('[data-testid=contact-side] [data-testid=contact-card]');
    await card.waitFor();
    expect(await card.getAttribute('data-contact-id')).toBe(anaId);
    await waitUntil(
      async () =>
        (await texts('[data-testid=contact-side] [data-testid=contact-identity-row]')).length === 2,
      async () =>
        `identities: ${JSON.stringify(await texts('[data-testid=contact-identity-row]'))}`,
    );
    const identities = (
      await texts('[data-testid=contact-side] [data-testid=contact-identity-row]')
    ).join(' | ');
    expect(identities).toContain('Billing');
    expect(identities).toContain('Support');
    const conversations = card.locator('[data-testid=contact-conversation]');
    await waitUntil(
      async () => (await conversations.count()) === 2,
      async () => 'two conversations',
    );
    expect(
      await card
        .locator(`[data-testid=contact-conversation][data-conversation-id="${closedId}"]`)
        .getAttribute('data-status'),
    ).toBe('closed');

    await card.locator('[data-testid=contact-edit]').click();
    await card.locator('[data-testid=contact-input-notes]').fill('Prefers email.\nVIP since 2024.');
    await card.locator('[data-testid=contact-attr-input-plan]').selectOption('gold');
    await card.locator('[data-testid=contact-save]').click();
    await card
      .locator('[data-testid=contact-notes]')
      .filter({ hasText: 'Prefers email.' })
      .waitFor();
    expect(await card.locator('[data-testid=contact-attr-plan]').textContent()).toContain('gold');
    const stored = await h.admin.ok<ContactDto>('GET', `/api/contacts/${anaId}`);
    expect(stored).toMatchObject({
      notes: 'Prefers email.\nVIP since 2024.',
      attributes: { plan: 'gold' },
    });

    // The feed's attribute filter keeps Ana's conversation only.
    await ui.page.selectOption('[data-testid=filter-attribute-key]', 'plan');
    await ui.page.selectOption('[data-testid=filter-attribute-value]', 'gold');
    await ui.waitForFeed([ana.name]);
    await ui.page.selectOption('[data-testid=filter-attribute-key]', '');
    await ui.waitForFeed(['Bob Miller', ana.name]);

    // An earlier conversation opens from the card.
    await card
      .locator(`[data-testid=contact-conversation][data-conversation-id="${closedId}"]`)
      .click();
    await ui.page.waitForSelector(`[data-testid=conversation][data-conversation-id="${closedId}"]`);
  });

  it('opens the card as its own page, where every conversation is openable', async () => {
    await ui.page.locator('[data-testid=contact-side] [data-testid=contact-open-page]').click();
    const page = ui.page.locator('[data-testid=contact-page]');
    await page.locator('[data-testid=contact-card]').waitFor();
    expect(await ui.page.evaluate(() => window.location.hash)).toBe(`#/contacts/${anaId}`);
    expect(await page.locator('[data-testid=contact-notes]').textContent()).toContain(
      'VIP since 2024.',
    );
    await page
      .locator(`[data-testid=contact-conversation][data-conversation-id="${openId}"]`)
      .click();
    await ui.page.waitForSelector(`[data-testid=conversation][data-conversation-id="${openId}"]`);
    expect(await ui.page.locator('[data-testid=contact-page]').count()).toBe(0);
  });

  it('searches the Contacts screen and creates a contact', async () => {
    await ui.page.click('[data-testid=nav-contacts]');
    const rows = ui.page.locator('[data-testid=contacts-row]');
    await waitUntil(
      async () => (await rows.count()) === 2,
      async () => `rows: ${await rows.count()}`,
    );
    await ui.page.fill('[data-testid=contacts-search]', 'ana@exa');
    await waitUntil(
      async () =>
        JSON.stringify(
          await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-contact-id'))),
        ) === JSON.stringify([anaId]),
      async () => `rows: ${JSON.stringify(await texts('[data-testid=contacts-row]'))}`,
    );
    await ui.page.fill('[data-testid=contacts-search]', '');
    await ui.page.click('[data-testid=contacts-new]');
    await ui.page.fill('[data-testid=contacts-create-name]', 'Зоя Новикова');
    await ui.page.fill('[data-testid=contacts-create-email]', 'ana@example.test');
    await ui.page.click('[data-testid=contacts-create-submit]');
    // The same email as Ana's: refused, naming her.
    await ui.page
      .locator('[data-testid=contacts-create-error]')
      .filter({ hasText: ana.name })
      .waitFor();
    await ui.page.fill('[data-testid=contacts-create-email]', 'zoya@example.test');
    await ui.page.fill('[data-testid=contacts-create-phone]', '+49 151 2345 6789');
    await ui.page.click('[data-testid=contacts-create-submit]');
    const created = ui.page.locator('[data-testid=contact-page] [data-testid=contact-name]');
    await created.filter({ hasText: 'Зоя Новикова' }).waitFor();
    expect(
      await ui.page.locator('[data-testid=contact-page] [data-testid=contact-card]').textContent(),
    ).toContain('+4915123456789');
    await ui.page.click('[data-testid=contact-page-back]');
    await ui.page.fill('[data-testid=contacts-search]', 'Зоя');
    await waitUntil(
      async () => (await rows.count()) === 1,
      async () => `rows: ${await rows.count()}`,
    );
  });
});
