import type { InvitationDto } from '@switchboard/contracts';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const MAREK = { email: 'marek@example.test', password: 'marek-password-1' };
/** --note-sand in tokens.css. */
const SAND = 'rgb(245, 233, 207)';

/**
 * An internal note with an @mention: the composer turns sand and says who sees it, the colleague
 * is notified in their own browser, and the note never reaches the customer's system.
 */
describe('inbox: internal notes and @mentions', () => {
  let h: InboxHarness;
  let admin: InboxPage;
  let marek: InboxPage;

  beforeAll(async () => {
    h = await InboxHarness.start();
    await h.customer('Ada Lovelace').say('Where is my refund?');
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
    admin = await h.openPage();
    await admin.login();
    marek = await h.openPage();
    await marek.login(MAREK);
  });

  afterAll(async () => {
    await admin?.close();
    await marek?.close();
    await h?.stop();
  });

  afterEach(() => {
    expect(admin?.pageErrors ?? []).toEqual([]);
    expect(marek?.pageErrors ?? []).toEqual([]);
  });

  const count = (page: InboxPage) =>
    page.page
      .locator('[data-testid=notification-count]')
      .textContent({ timeout: 100 })
      .catch(() => null);

  it('mentions a colleague with the @ picker, notifies them, and keeps the note inside', async () => {
    await admin.waitForFeed(['Ada Lovelace']);
    await admin.openRow('Ada Lovelace');
    await admin.waitForConversation('Ada Lovelace');

    await admin.page.click('[data-testid=composer-mode-note]');
    const composer = admin.page.locator('[data-testid=composer]');
    expect(await admin.page.locator('[data-testid=note-notice]').textContent()).toContain(
      'Only your team sees this',
    );
    expect(await composer.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(SAND);

    const input = admin.page.locator('[data-testid=composer-input]');
    await input.pressSequentially('Please check @mar');
    const option = admin.page.locator('[data-testid=mention-option]');
    await option.first().waitFor();
    expect(await option.allTextContents()).toEqual(['Marek Nowak']);
    await input.press('Enter');
    await input.pressSequentially('the warehouse');
    expect(await input.inputValue()).toBe('Please check @Marek Nowak the warehouse');
    await input.press('Enter');

    // The stored note (the pending copy shown at once is replaced by it).
    const note = admin.page.locator(
      '[data-testid=timeline-message][data-kind=note]:not([data-message-id^="local:"])',
    );
    await note.locator('[data-testid=mention]').waitFor();
    expect(await note.locator('[data-testid=mention]').textContent()).toBe('@Marek Nowak');
    expect(
      await note.locator('.message__bubble').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe(SAND);

    // Marek, in his own browser, is told.
    await waitUntil(
      async () => (await count(marek)) === '1',
      async () => `Marek's count: ${await count(marek)}`,
    );
    await marek.page.click('[data-testid=notification-centre-button]');
    const item = marek.page.locator('[data-testid=notification-item]');
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain(
      'You were mentioned in a note: Ada Lovelace',
    );

    // A reply after the note reaches the customer's system; the note never did.
    await admin.page.click('[data-testid=composer-mode-message]');
    await input.fill('We are checking with the warehouse.');
    await input.press('Enter');
    await waitUntil(
      async () => h.receiver.received.some((r) => r.text === 'We are checking with the warehouse.'),
      async () => `received: ${JSON.stringify(h.receiver.received)}`,
    );
    expect(h.receiver.received.map((r) => r.text)).toEqual(['We are checking with the warehouse.']);
  });
});
