import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

/**
 * A team grows from the browser: the admin invites a colleague in Settings → People and passes on
 * the link; the colleague opens it in their own browser, chooses a password and lands in the
 * inbox, live, with the queue in front of them.
 */
describe('inbox: inviting a colleague', () => {
  let h: InboxHarness;
  let admin: InboxPage;
  let colleague: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.customer('Olga Petrova').say('My parcel never arrived');
    admin = await h.openPage();
    await admin.login();
  });

  afterAll(async () => {
    await admin?.close();
    await colleague?.close();
    await h?.stop();
  });

  it('the colleague opens the link in another browser, sets a password and sees the inbox', async () => {
    await admin.page.click('[data-testid=settings-open]');
    await admin.page.click('[data-testid=settings-people]');
    await admin.page.waitForSelector('[data-testid=people-row][data-email="admin@test.local"]');
    await admin.page.getByLabel('Email', { exact: true }).fill('marek@example.test');
    await admin.page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await admin.page.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/accept-invitation#token=/);

    // A second browser context: no cookie of the admin's, as on the colleague's own laptop.
    colleague = await h.openPage();
    await colleague.page.goto(link);
    await colleague.page.getByText('You are invited as marek@example.test.').waitFor();
    await colleague.page.getByLabel('Your name').fill('Marek Nowak');
    await colleague.page.getByLabel(/Choose a password/).fill('marek-password-1');
    await colleague.page.getByRole('button', { name: 'Join and sign in' }).click();
    await colleague.waitForConnection('live');
    await colleague.waitForFeed(['Olga Petrova']);
    expect(await colleague.page.getByTestId('operator-name').textContent()).toBe('Marek Nowak');
    // The token does not stay in the address bar.
    expect(colleague.page.url()).not.toContain('token=');

    // The admin's People list shows the new colleague live, as an active agent.
    const row = admin.page.locator('[data-testid=people-row][data-email="marek@example.test"]');
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');

    // The link was used up: opening it again says so.
    const again = await h.openPage();
    await again.page.goto(link);
    await again.page.getByTestId('invitation-invalid').waitFor();
    expect(await again.page.getByTestId('invitation-invalid').textContent()).toMatch(
      /already used/,
    );
    await again.close();

    expect(admin.pageErrors).toEqual([]);
    expect(colleague.pageErrors).toEqual([]);
  });

  it('a deactivated colleague is signed out live and their conversation goes back to the queue', async () => {
    const olga = await h.conversationOf('Olga Petrova');
    const marek = admin.page.locator('[data-testid=people-row][data-email="marek@example.test"]');
    const marekId = (
      await h.admin.ok<{ id: string; email: string }[]>('GET', '/api/operators')
    ).find((m) => m.email === 'marek@example.test')!.id;
    await h.admin.ok('POST', `/api/conversations/${olga.id}/assign`, { assigneeId: marekId });

    await marek.getByTestId('people-deactivate').click();
    await marek.getByTestId('people-deactivate-confirm').click();
    await admin.page
      .locator('[data-testid=people-row][data-email="marek@example.test"][data-active=false]')
      .waitFor();

    // Thrown out at once: the colleague's tab is back at the sign-in form.
    await colleague.page.waitForSelector('input[name=email]', { timeout: 15_000 });
    expect((await h.conversationOf('Olga Petrova')).assigneeId).toBeNull();
    expect(colleague.pageErrors).toEqual([]);
  });
});
