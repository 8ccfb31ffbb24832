import type { InboxDto } from '@switchboard/contracts';
import {
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

const MAILBOX = { user: 'support@example.test', password: 'imap-secret' };
const TRACKER = 'https://tracker.example/open.gif';

/** An HTML newsletter-style mail with a tracking pixel, a script and an inline handler. */
function htmlMail(): string {
  return [
    'From: Jane Customer <jane@customer.example>',
    `To: Acme Support <${MAILBOX.user}>`,
    'Subject: Where is my order?',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <html-${Date.now()}@customer.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>Hello <b>Acme</b>, order <i>#4411</i> has not arrived.</p>',
    `<img src="${TRACKER}" width="1" height="1" alt="">`,
    '<script>parent.document.title = "pwned"</script>',
    '<p onclick="parent.document.title = \'pwned\'">Thanks, Jane</p></body></html>',
  ].join('\r\n');
}

describe('inbox: an email body in its sandbox', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;

  beforeAll(async () => {
    // Poll the mailbox every second instead of every minute (read by the API's email sync).
    Object.assign(process.env, { EMAIL_SYNC_POLL_MS: '1000', EMAIL_SYNC_RECONNECT_MS: '200' });
    dovecot = await startDovecot({ users: [MAILBOX] });
    smtp = await startSmtpPeer();
    h = await InboxHarness.start();
    await h.admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'email',
      name: 'Support mail',
      settings: {
        fromAddress: MAILBOX.user,
        fromName: 'Acme Support',
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          security: 'none',
          user: MAILBOX.user,
          mailbox: 'INBOX',
        },
        smtp: { host: smtp.host, port: smtp.port, security: 'none', user: smtp.user },
        historyDays: 30,
      },
      secrets: { imapPassword: MAILBOX.password, smtpPassword: smtp.password },
    });
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('shows the mail sanitized, scripts dead, remote images blocked until allowed', async () => {
    const trackerRequests: string[] = [];
    ui.context.on('request', (request) => {
      if (request.url().startsWith(TRACKER)) trackerRequests.push(request.url());
    });
    await dovecot.appendMessage(MAILBOX.user, 'INBOX', htmlMail());
    await ui.waitForFeed(['Jane Customer'], 30_000);
    // The subject: a line of the feed row, and under the name in the header, whole on hover.
    const rowSubject = ui.page.locator('[data-testid=feed-row-subject]').first();
    expect(await rowSubject.textContent()).toBe('Where is my order?');
    await ui.openRow('Jane Customer');
    const headerSubject = ui.page.locator('[data-testid=conversation-subject]');
    expect(await headerSubject.getAttribute('title')).toBe('Where is my order?');

    const frame = ui.page.locator('iframe.email__frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    const body = ui.page.frameLocator('iframe.email__frame').locator('body');
    await body.locator('b', { hasText: 'Acme' }).waitFor();
    expect(await body.locator('script').count()).toBe(0);
    await body.locator('p', { hasText: 'Thanks, Jane' }).click();
    expect(await ui.page.title()).not.toBe('pwned');

    await ui.page.waitForSelector('[data-testid=remote-images-blocked]');
    await ui.page.waitForTimeout(300);
    expect(trackerRequests).toEqual([]);
    await ui.screenshot('email-frame');

    await ui.page.getByRole('button', { name: 'Show images' }).click();
    await ui.page.waitForSelector('[data-testid=remote-images-blocked]', { state: 'detached' });
    // Allowed now: the browser asks for the image (it cannot load here, the host does not exist).
    await ui.page.waitForTimeout(500);
    expect(trackerRequests.length).toBeGreaterThan(0);
    expect(ui.pageErrors).toEqual([]);
  });

  it('replies on the email channel: the customer gets a mail in the same thread', async () => {
    await ui.page.fill('[data-testid=composer-input]', 'Hi Jane, a replacement is on its way.');
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    const [mail] = await smtp.waitForMessages(1, 30_000);
    expect(mail?.envelope.to).toEqual(['jane@customer.example']);
    expect(mail?.parsed.subject).toMatch(/^Re: Where is my order\?/);
    expect(mail?.parsed.text).toContain('Hi Jane, a replacement is on its way.');
    await ui.page.waitForSelector('[data-testid=delivery-status][data-status=sent]');
  });
});
