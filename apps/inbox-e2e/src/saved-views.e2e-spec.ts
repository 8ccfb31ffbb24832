import type { InvitationDto, LoginResponseDto } from '@switchboard/contracts';
import { ApiChannelCustomer, createApiInbox } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const AGENT = { email: 'vera@example.test', password: 'vera-password-1' };
const VIEW = 'Unpaid and nobody on it';

/**
 * Saved views in the browser: the admin saves `#payment` + "Unassigned" as a shared view with the
 * keyboard; its count is right and follows a new conversation being tagged and then assigned, live,
 * and catches up after a reconnect; a colleague without access to one inbox sees the shared view
 * with their own count, and opening it filters their feed; the owner renames, unpins, pins and
 * deletes it.
 */
describe('inbox: saved views with live counts', () => {
  let h: InboxHarness;
  let admin: InboxPage;
  let agent: InboxPage;
  /** Writes into the open "Everyone" inbox (the harness's own inbox is closed to the agent). */
  let everyone: (name: string) => ApiChannelCustomer;

  const view = (ui: InboxPage) =>
    ui.page.locator(`[data-testid=saved-view][data-view-name="${VIEW}"]`);
  const countIs = async (ui: InboxPage, wanted: string) => {
    const count = view(ui).getByTestId('saved-view-count');
    await waitUntil(
      async () => (await count.textContent()) === wanted,
      async () => `count is ${await count.textContent()}, want ${wanted}`,
    );
  };
  /** The feed holds exactly these customers, in any order. */
  const feedHas = async (ui: InboxPage, names: string[]) => {
    const wanted = JSON.stringify([...names].sort());
    await waitUntil(
      async () => JSON.stringify((await ui.feedNames()).sort()) === wanted,
      async () => `feed is ${JSON.stringify(await ui.feedNames())}, want ${wanted}`,
    );
  };
  const tag = async (name: string) =>
    h.admin.ok('POST', `/api/conversations/${(await h.conversationOf(name)).id}/tags`, {
      name: 'Payment',
    });

  beforeAll(async () => {
    h = await InboxHarness.start();
    const open = await createApiInbox(h.admin, 'Everyone');
    everyone = (name) =>
      new ApiChannelCustomer(h.api.baseUrl, open.inbox.id, open.signingSecret, {
        id: `c-${name}`,
        name,
      });
    // The agent joins through an invitation; the harness's inbox is kept to a team without them.
    const invitation = await h.admin.ok<InvitationDto>('POST', '/api/invitations', {
      email: AGENT.email,
      role: 'agent',
    });
    await h.admin.ok<LoginResponseDto>('POST', '/api/invitations/accept', {
      token: new URL(invitation.acceptUrl).hash.replace('#token=', ''),
      name: 'Vera Agent',
      password: AGENT.password,
      session: 'bearer',
    });
    const others = await h.admin.ok<{ id: string }>('POST', '/api/teams', { name: 'Billing' });
    await h.admin.ok('PUT', `/api/inboxes/${h.inboxId}/access`, {
      operatorIds: [],
      teamIds: [others.id],
    });

    // Unassigned with #payment: Paula (restricted inbox) and Olga (open inbox). Bob is assigned.
    await h.customer('Paula Pay').say('Where is my refund?');
    await everyone('Olga Open').say('Payment failed twice');
    await everyone('Bob Busy').say('Card declined');
    await everyone('Quinn Quiet').say('Just saying hi');
    for (const name of ['Paula Pay', 'Olga Open', 'Bob Busy']) await tag(name);
    const me = await h.admin.ok<{ id: string }>('GET', '/api/auth/me');
    await h.admin.ok(
      'POST',
      `/api/conversations/${(await h.conversationOf('Bob Busy')).id}/assign`,
      {
        assigneeId: me.id,
      },
    );

    admin = await h.openPage();
    await admin.login();
    await feedHas(admin, ['Bob Busy', 'Olga Open', 'Quinn Quiet', 'Paula Pay']);
  });

  afterAll(async () => {
    await admin?.close();
    await agent?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(admin?.pageErrors ?? []).toEqual([]);
    expect(agent?.pageErrors ?? []).toEqual([]);
  });

  it('saves #payment + Unassigned as a shared view with the keyboard; its count is right', async () => {
    const { page } = admin;
    await page.fill('[data-testid=feed-search]', '#payment');
    await page.press('[data-testid=feed-search]', 'Enter');
    await page.getByRole('radio', { name: 'Unassigned' }).click();
    await feedHas(admin, ['Olga Open', 'Paula Pay']);

    // Keyboard only: focus "Save as view", Enter, type the name, Tab to "shared", Space, Enter.
    await page.getByTestId('save-view-open').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(VIEW);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('save-view-shared').isChecked()).toBe(true);
    await page.getByTestId('save-view-name').focus();
    await page.keyboard.press('Enter');
    await view(admin).waitFor();
    await countIs(admin, '2');
    // The feed shows exactly this view: its button is pressed.
    expect(await view(admin).locator('.saved-view__apply').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await admin.screenshot('saved-views');
  });

  it('a new conversation raises the count live once tagged, and lowers it once assigned', async () => {
    // Looking at another filter meanwhile: the view's count is live whatever the feed shows.
    await admin.page.press('[data-testid=feed-search]', 'Escape');
    await everyone('Nina New').say('I was charged twice');
    await admin.page.locator('[data-testid=feed-row]', { hasText: 'Nina New' }).waitFor();
    await countIs(admin, '2');
    await tag('Nina New');
    await countIs(admin, '3');
    const nina = await h.conversationOf('Nina New');
    const me = await h.admin.ok<{ id: string }>('GET', '/api/auth/me');
    await h.admin.ok('POST', `/api/conversations/${nina.id}/assign`, { assigneeId: me.id });
    await countIs(admin, '2');

    // Offline meanwhile: the count catches up once the stream is live again.
    await admin.dropNetwork();
    await admin.waitForConnection('reconnecting');
    await h.customer('Omar Offline').say('Payment bounced');
    await tag('Omar Offline');
    await countIs(admin, '2');
    admin.restoreNetwork();
    await admin.waitForConnection('live');
    await countIs(admin, '3');
  });

  it('a colleague sees the shared view with their own count, and opening it filters their feed', async () => {
    agent = await h.openPage();
    await agent.login(AGENT);
    await view(agent).waitFor();
    // Paula's and Omar's inbox is closed to the agent: only Olga counts for them.
    await countIs(agent, '1');
    // Not theirs to change: no actions button.
    expect(await view(agent).getByTestId('saved-view-more').count()).toBe(0);
    await view(agent).locator('.saved-view__apply').click();
    await feedHas(agent, ['Olga Open']);
    expect(await agent.page.inputValue('[data-testid=feed-search]')).toBe('#payment');
    // Counts stay per viewer when the admin's changes: a new tagged conversation in the open inbox.
    await everyone('Rosa Late').say('Refund please');
    await tag('Rosa Late');
    await countIs(agent, '2');
    await countIs(admin, '4');
  });

  it('the owner renames, unpins, pins and deletes the view from its actions, by keyboard', async () => {
    const { page } = admin;
    await view(admin).getByTestId('saved-view-more').focus();
    await page.keyboard.press('Enter');
    await admin.screenshot('saved-views-actions');
    // Focus is on "Rename"; then the name field.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Payments to pick up');
    await page.keyboard.press('Enter');
    const renamed = page.locator('[data-testid=saved-view][data-view-name="Payments to pick up"]');
    await renamed.getByTestId('saved-view-count').waitFor();
    // Unpinned, it moves under "More views" and is no longer counted.
    await renamed.getByTestId('saved-view-more').click();
    await page.getByRole('button', { name: 'Unpin' }).click();
    await page.locator('.saved-views__more summary').click();
    expect(await renamed.getByTestId('saved-view-count').count()).toBe(0);
    await renamed.getByTestId('saved-view-more').click();
    await page.getByRole('button', { name: 'Pin to the sidebar' }).click();
    await renamed.getByTestId('saved-view-count').waitFor();
    await renamed.getByTestId('saved-view-more').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await renamed.waitFor({ state: 'detached' });
    expect(await h.admin.ok<unknown[]>('GET', '/api/views')).toEqual([]);
  });
});
