import type { InvitationDto, OperatorDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const MAREK = { email: 'marek@example.test', password: 'marek-password-1' };

/**
 * An assignment reaches the assignee live in their own browser, in the notification centre, and
 * reading it in one tab reads it in every tab: the count lives on the server.
 */
describe('inbox: the notification centre', () => {
  let h: InboxHarness;
  let tab: InboxPage;
  let otherTab: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.customer('Ada Lovelace').say('Where is my refund?');
    // A colleague joins through an invitation, as the People screen does.
    const invitation = await h.admin.ok<InvitationDto>('POST', '/api/invitations', {
      email: MAREK.email,
      role: 'agent',
    });
    const token = new URL(invitation.acceptUrl).hash.replace('#token=', '');
    await h.admin.ok('POST', '/api/invitations/accept', {
      token,
      name: 'Marek Nowak',
      password: MAREK.password,
      session: 'bearer',
    });
    tab = await h.openPage();
    await tab.login(MAREK);
    otherTab = await tab.newTab();
  });

  afterAll(async () => {
    await tab?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(tab?.pageErrors ?? []).toEqual([]);
  });

  const count = (page: InboxPage) =>
    page.page
      .locator('[data-testid=notification-count]')
      .textContent({ timeout: 100 })
      .catch(() => null);

  it('shows an assignment live, opens it from the bell, and every tab agrees it was read', async () => {
    await tab.waitForFeed(['Ada Lovelace']);
    const marek = (await h.admin.ok<OperatorDto[]>('GET', '/api/operators')).find(
      (o) => o.email === MAREK.email,
    );
    const ada = await h.conversationOf('Ada Lovelace');
    await h.admin.ok('POST', `/api/conversations/${ada.id}/assign`, { assigneeId: marek?.id });

    await waitUntil(
      async () => (await count(tab)) === '1' && (await count(otherTab)) === '1',
      async () => `counts: ${await count(tab)} / ${await count(otherTab)}`,
    );
    await tab.page.click('[data-testid=notification-centre-button]');
    const item = tab.page.locator('[data-testid=notification-item]');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.first().textContent()).toContain('Assigned to you: Ada Lovelace');
    expect(await item.first().getAttribute('data-unread')).toBe('true');
    await item.first().click();
    await tab.waitForConversation('Ada Lovelace');

    // Read here, so read in the other tab too, without a reload.
    await waitUntil(
      async () => (await count(tab)) === null && (await count(otherTab)) === null,
      async () => `counts: ${await count(tab)} / ${await count(otherTab)}`,
    );
    // And still read after a reload: the server keeps it.
    await otherTab.page.reload();
    await otherTab.waitForConnection('live');
    await otherTab.page.click('[data-testid=notification-centre-button]');
    await otherTab.page.locator('[data-testid=notification-item]').first().waitFor();
    expect(
      await otherTab.page
        .locator('[data-testid=notification-item]')
        .first()
        .getAttribute('data-unread'),
    ).toBeNull();
  });
});
