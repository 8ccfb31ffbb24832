import type { InvitationDto, OperatorDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const MAREK = { email: 'marek@example.test', password: 'marek-password-1' };

/**
 * Assignment from the list (two rows ticked, the second with Shift) and by the keyboard picker;
 * the assignee, in another browser, sees each one arrive in the notification centre live, and
 * then hears about the customer's next message in a conversation they own.
 */
describe('inbox: assignment', () => {
  let h: InboxHarness;
  let admin: InboxPage;
  let marekTab: InboxPage;
  let marekId: string;

  beforeAll(async () => {
    h = await InboxHarness.start();
    for (const name of ['Ada Lovelace', 'Bob Marley', 'Cleo Patra'])
      await h.customer(name, `cust-${name.split(' ')[0]}`).say(`Hello from ${name}`);
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
    const operators = await h.admin.ok<OperatorDto[]>('GET', '/api/operators');
    marekId = operators.find((o) => o.email === MAREK.email)?.id ?? '';
    admin = await h.openPage();
    await admin.login();
    marekTab = await h.openPage();
    await marekTab.login(MAREK);
  });

  afterAll(async () => {
    await admin?.close();
    await marekTab?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(admin?.pageErrors ?? []).toEqual([]);
    expect(marekTab?.pageErrors ?? []).toEqual([]);
  });

  const bell = (page: InboxPage) =>
    page.page
      .locator('[data-testid=notification-count]')
      .textContent({ timeout: 100 })
      .catch(() => null);
  const waitForBell = (page: InboxPage, wanted: string) =>
    waitUntil(
      async () => (await bell(page)) === wanted,
      async () => `bell shows ${await bell(page)}, want ${wanted}`,
    );
  const checkboxOf = (name: string) =>
    admin.page
      .locator('[role=listitem]', {
        has: admin.page.locator('.feed-row__name', { hasText: name }),
      })
      .locator('[data-testid=feed-row-select]');
  const assigneeOf = async (name: string) => (await h.conversationOf(name)).assigneeId;

  it('assigns two rows ticked in the list, and the assignee sees both live', async () => {
    await admin.waitForFeed(['Cleo Patra', 'Bob Marley', 'Ada Lovelace']);
    await marekTab.waitForFeed(['Cleo Patra', 'Bob Marley', 'Ada Lovelace']);
    await checkboxOf('Cleo Patra').click();
    await checkboxOf('Bob Marley').click({ modifiers: ['Shift'] });
    expect(await admin.page.textContent('[data-testid=bulk-selected-count]')).toBe('2 selected');

    await admin.page.click('[data-testid=bulk-assign]');
    await admin.page.locator('[data-testid=assignee-search]').fill('mar');
    await admin.page.locator('[data-testid=assignee-option]', { hasText: 'Marek' }).waitFor();
    await admin.page.keyboard.press('Enter');
    await admin.page.locator('[data-testid=assignee-picker]').waitFor({ state: 'detached' });

    await waitForBell(marekTab, '2');
    expect(await assigneeOf('Cleo Patra')).toBe(marekId);
    expect(await assigneeOf('Bob Marley')).toBe(marekId);
    expect(await assigneeOf('Ada Lovelace')).toBeNull();
    expect(await admin.page.locator('[data-testid=bulk-assign-bar]').count()).toBe(0);
  });

  it('assigns by the keyboard picker (a) and to oneself in one key (i)', async () => {
    await admin.openRow('Ada Lovelace');
    await admin.page.keyboard.press('a');
    await admin.page.locator('[data-testid=assignee-search]').waitFor();
    await admin.page.keyboard.type('Marek');
    await admin.page.keyboard.press('Enter');
    await waitForBell(marekTab, '3');
    await waitUntil(
      async () =>
        (await admin.page.getAttribute('[data-testid=assign-button]', 'data-assignee-id')) ===
        marekId,
      async () => 'the header does not show Marek as the assignee',
    );

    const me = (await h.admin.ok<{ id: string }>('GET', '/api/auth/me')).id;
    await admin.page.keyboard.press('i');
    await waitUntil(
      async () => (await assigneeOf('Ada Lovelace')) === me,
      async () => `Ada is assigned to ${await assigneeOf('Ada Lovelace')}`,
    );
    expect(await bell(marekTab)).toBe('3');
  });

  it('tells the assignee about the customer’s next message, once', async () => {
    await h.customer('Bob Marley', 'cust-Bob').say('Any news?');
    await waitForBell(marekTab, '4');
    await marekTab.page.click('[data-testid=notification-centre-button]');
    const items = marekTab.page.locator('[data-testid=notification-item]');
    await items.first().waitFor();
    expect(await items.count()).toBe(4);
  });

  it('a follower, not the assignee, hears about the customer’s next message', async () => {
    // Ada belongs to the admin now; Marek follows her conversation from its header.
    await marekTab.openRow('Ada Lovelace');
    const toggle = marekTab.page.locator('[data-testid=follow-toggle]');
    await waitUntil(
      async () =>
        (await toggle.isEnabled()) && (await toggle.getAttribute('aria-pressed')) === 'false',
      async () => 'the follow toggle did not load',
    );
    await toggle.click();
    await waitUntil(
      async () => (await toggle.getAttribute('aria-pressed')) === 'true',
      async () => 'the follow toggle did not switch on',
    );
    // Opening Ada read her assignment notification; leave her, so the next one stays unread.
    await marekTab.page.keyboard.press('Escape');
    await waitForBell(marekTab, '3');
    await h.customer('Ada Lovelace', 'cust-Ada').say('Hello again');
    await waitForBell(marekTab, '4');
  });
});
