import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

/**
 * Contact merge in the browser: the customer card offers the contact with the same phone number
 * written another way, the preview shows what joins and lets the operator choose the name, the
 * merged card holds both histories (and the feed renames the moved conversation live), and the
 * admin's undo puts both cards back.
 */
describe('inbox: merging two contacts from the customer card', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  const card = '[data-testid=contact-card]';

  const cardCount = (selector: string) => ui.page.locator(`${card} ${selector}`).count();
  const cardShows = async (selector: string, count: number) =>
    waitUntil(
      async () => (await cardCount(selector)) === count,
      async () => `${selector}: ${await cardCount(selector)}, want ${count}`,
    );
  const feedIs = async (names: string[]) => {
    const wanted = JSON.stringify([...names].sort());
    await waitUntil(
      async () => JSON.stringify((await ui.feedNames()).sort()) === wanted,
      async () => `feed is ${JSON.stringify(await ui.feedNames())}, want ${wanted}`,
    );
  };

  beforeAll(async () => {
    h = await InboxHarness.start();
    // One person, two handles: the shop's app knows the number in E.164, the CRM sync without '+'
    // (which the inbound path cannot read as international, so it opens a second card).
    const app = { id: 'app-ana', name: 'Ana Phone', phone: '+44 20 7946 0958' };
    const crm = { id: 'crm-4711', name: 'Ana Ruiz', phone: '442079460958' };
    expect(
      (await h.customer(app.name, app.id).say('Order 1001 is late', undefined, app)).status,
    ).toBe(200);
    expect(
      (await h.customer(crm.name, crm.id).say('Invoice for 1001?', undefined, crm)).status,
    ).toBe(200);
    ui = await h.openPage();
    await ui.login();
    await feedIs(['Ana Phone', 'Ana Ruiz']);
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(ui?.pageErrors ?? []).toEqual([]);
  });

  it('suggests the same phone in another spelling, merges after the preview, and undoes', async () => {
    await ui.openRow('Ana Phone');
    const suggestion = ui.page.locator(`${card} [data-testid=contact-merge-suggestion]`);
    await suggestion.waitFor();
    expect(await suggestion.locator('[data-testid=contact-merge-reason]').textContent()).toBe(
      'Same phone +442079460958',
    );
    await cardShows('[data-testid=contact-conversation]', 1);

    await suggestion.locator('[data-testid=contact-merge-review]').click();
    const dialog = ui.page.locator('[data-testid=contact-merge-dialog]');
    await dialog.locator('[data-testid=contact-merge-fields]').waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Merge Ana Ruiz into Ana Phone');
    expect(await dialog.locator('[data-testid=contact-merge-identities] li').count()).toBe(1);
    expect(await dialog.locator('[data-testid=contact-merge-conversation]').count()).toBe(1);
    // Both cards have a name: the operator keeps the merged card's.
    expect(
      await dialog
        .locator('[data-testid=contact-merge-field][data-field=name]')
        .getAttribute('data-conflict'),
    ).toBe('true');
    await dialog.locator('[data-testid=contact-merge-pick-name-other]').check();
    await dialog.locator('[data-testid=contact-merge-confirm]').click();
    await dialog.waitFor({ state: 'detached' });

    // One card: both identities and both histories, the chosen name, no suggestion left.
    await cardShows('[data-testid=contact-identity-row]', 2);
    await cardShows('[data-testid=contact-conversation]', 2);
    await waitUntil(
      async () => (await ui.page.textContent(`${card} [data-testid=contact-name]`)) === 'Ana Ruiz',
      async () => `card name: ${await ui.page.textContent(`${card} [data-testid=contact-name]`)}`,
    );
    await cardShows('[data-testid=contact-merge-suggestion]', 0);
    // Live: both feed rows now name the merged card.
    await feedIs(['Ana Ruiz', 'Ana Ruiz']);

    const undo = ui.page.locator(`${card} [data-testid=contact-merge-undo]`);
    await undo.click();
    await cardShows('[data-testid=contact-identity-row]', 1);
    await cardShows('[data-testid=contact-conversation]', 1);
    await waitUntil(
      async () => (await ui.page.textContent(`${card} [data-testid=contact-name]`)) === 'Ana Phone',
      async () => `card name: ${await ui.page.textContent(`${card} [data-testid=contact-name]`)}`,
    );
    await cardShows('[data-testid=contact-merge-suggestion]', 1);
    await cardShows('[data-testid=contact-merge-history-row][data-undone=true]', 1);
    await feedIs(['Ana Phone', 'Ana Ruiz']);
  });
});
