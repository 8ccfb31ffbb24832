import { InboxHarness, OPERATOR } from './support/inbox-harness';
import {
  connectEmailInbox,
  MAILBOX,
  startMailServers,
  type MailServers,
} from './support/email-mailbox';
import type { InboxPage } from './support/inbox-page';

/** The customer writes with two colleagues in Cc. */
function mailWithCopies(): string {
  return [
    'From: Jane Customer <jane@customer.example>',
    `To: Acme Support <${MAILBOX.user}>`,
    'Cc: Ann Ex <a@x.example>, b@y.example',
    'Subject: Broken lid',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <cc-${Date.now()}@customer.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The lid of order 4411 cracked.',
    '',
  ].join('\r\n');
}

describe('inbox: replying to an email like a mail client (Chromium)', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let servers: MailServers;

  beforeAll(async () => {
    servers = await startMailServers();
    h = await InboxHarness.start();
    await connectEmailInbox(h, servers, {
      signature: '{{operator.signature}}\n{{inbox.name}}',
    });
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
    await servers?.stop();
  });

  it('sets a signature in the profile, replies to all with a Bcc, and the mail carries Cc, quote and signature', async () => {
    // The operator's own signature, from the profile dialog.
    await ui.page.click('[data-testid=profile-open]');
    const signatureBox = ui.page.locator('[data-testid=profile-signature]');
    await signatureBox.waitFor();
    await ui.page.waitForFunction(
      () =>
        !(document.querySelector('[data-testid=profile-signature]') as HTMLTextAreaElement)
          ?.disabled,
    );
    await signatureBox.fill('{{operator.name}}, tier 2');
    await ui.page.getByRole('button', { name: 'Save profile' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'Profile saved' }).waitFor();
    await ui.page.getByRole('button', { name: 'Close' }).click();

    await servers.dovecot.appendMessage(MAILBOX.user, 'INBOX', mailWithCopies());
    await ui.waitForFeed(['Jane Customer'], 30_000);
    await ui.openRow('Jane Customer');
    const recipients = ui.page.locator('[data-testid=message-recipients]').first();
    await recipients.waitFor();
    expect(await recipients.textContent()).toContain('Ann Ex <a@x.example>, b@y.example');

    const all = ui.page.locator('[data-testid=email-reply-all]');
    await ui.page.waitForFunction(
      () =>
        document.querySelector('[data-testid=email-reply-all]')?.textContent === 'Reply all (2)',
    );
    expect(await ui.page.textContent('[data-testid=email-signature]')).toContain(
      `${OPERATOR.name}, tier 2\nSupport mail`,
    );
    await all.click();
    expect(await ui.page.inputValue('[data-testid=email-cc]')).toBe(
      'Ann Ex <a@x.example>, b@y.example',
    );
    await ui.page.click('[data-testid=email-add-bcc]');
    await ui.page.fill('[data-testid=email-bcc]', 'boss@acme.example');
    await ui.screenshot('email-reply-all');
    await ui.page.fill('[data-testid=composer-input]', 'A new lid ships today.');
    await ui.page.press('[data-testid=composer-input]', 'Enter');

    const [mail] = await servers.smtp.waitForMessages(1, 30_000);
    expect(mail?.envelope.to).toEqual([
      'jane@customer.example',
      'a@x.example',
      'b@y.example',
      'boss@acme.example',
    ]);
    expect([mail?.parsed.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
    expect(mail?.raw.toString('utf8')).not.toContain('boss@');
    expect(mail?.parsed.text).toContain(`A new lid ships today.\n\n-- \n${OPERATOR.name}, tier 2`);
    expect(mail?.parsed.text).toContain('Jane Customer <jane@customer.example> wrote:');
    expect(mail?.parsed.text).toContain('> The lid of order 4411 cracked.');
    await ui.page.waitForSelector('[data-testid=delivery-status][data-status=sent]');
    // The timeline shows what the operator wrote, and to whom it was copied.
    const reply = ui.timelineMessage('A new lid ships today.');
    expect(await reply.locator('.message__text').textContent()).toBe('A new lid ships today.');
    expect(await reply.locator('[data-testid=message-recipients]').textContent()).toContain(
      'Bcc: boss@acme.example',
    );
    expect(ui.pageErrors).toEqual([]);
  });
});
