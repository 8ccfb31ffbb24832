import { InboxHarness } from './support/inbox-harness';
import {
  connectEmailInbox,
  MAILBOX,
  startMailServers,
  type MailServers,
} from './support/email-mailbox';
import type { InboxPage } from './support/inbox-page';

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

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * What real mailboxes send: an inline logo (`cid:`), a quoted earlier answer, and a forwarded mail
 * (`message/rfc822`) with a photo whose name is RFC 2231-encoded.
 */
function richMail(): string {
  const forwarded = [
    'From: Bob Buyer <bob@shop.example>',
    'To: ben@customer.example',
    'Subject: Order 42',
    'Date: Mon, 30 Nov 2026 10:00:00 +0000',
    'Content-Type: multipart/mixed; boundary="in"',
    '',
    '--in',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The box arrived crushed.',
    '--in',
    'Content-Type: image/png',
    "Content-Disposition: attachment; filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE.png",
    'Content-Transfer-Encoding: base64',
    '',
    PNG_1PX,
    '--in--',
  ].join('\r\n');
  return [
    'From: Ben Forwarder <ben@customer.example>',
    `To: ${MAILBOX.user}`,
    'Subject: Fwd: Order 42',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <rich-${Date.now()}@customer.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="mix"',
    '',
    '--mix',
    'Content-Type: multipart/related; boundary="rel"',
    '',
    '--rel',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>See below. <img src="cid:logo@acme" alt="Acme logo" width="40" height="40"></p>',
    '<div class="gmail_quote">On Friday, Acme wrote:<blockquote>We promised delivery by Monday.</blockquote></div>',
    '--rel',
    'Content-Type: image/png',
    'Content-ID: <logo@acme>',
    'Content-Disposition: inline; filename="logo.png"',
    'Content-Transfer-Encoding: base64',
    '',
    PNG_1PX,
    '--rel--',
    '--mix',
    'Content-Type: message/rfc822',
    '',
    forwarded,
    '--mix--',
    '',
  ].join('\r\n');
}

describe('inbox: an email body in its sandbox', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let servers: MailServers;

  beforeAll(async () => {
    servers = await startMailServers();
    h = await InboxHarness.start();
    await connectEmailInbox(h, servers);
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
    await servers?.stop();
  });

  it('shows the mail sanitized, scripts dead, remote images blocked until allowed', async () => {
    const trackerRequests: string[] = [];
    ui.context.on('request', (request) => {
      if (request.url().startsWith(TRACKER)) trackerRequests.push(request.url());
    });
    await servers.dovecot.appendMessage(MAILBOX.user, 'INBOX', htmlMail());
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

  it('reads as the customer meant it: inline images, quotes folded, forwards inline, files as downloads', async () => {
    await servers.dovecot.appendMessage(MAILBOX.user, 'INBOX', richMail());
    await ui.waitForFeed(['Ben Forwarder', 'Jane Customer'], 30_000);
    await ui.openRow('Ben Forwarder');
    const message = ui.page.locator('[data-testid=timeline-message]').last();
    const body = message.frameLocator('iframe.email__frame').locator('body');

    // The logo comes from the message's own part, through our storage, inside the sandbox.
    const logo = body.locator('img[alt="Acme logo"]');
    await logo.waitFor();
    for (let i = 0; !(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)); i++) {
      if (i > 100) throw new Error('the inline image did not load');
      await ui.page.waitForTimeout(100);
    }
    expect(await logo.getAttribute('src')).toMatch(/^\/api\/files\//);

    // The earlier answer is folded until asked for.
    const quote = body.locator('blockquote', { hasText: 'We promised delivery by Monday.' });
    expect(await quote.isVisible()).toBe(false);
    const toggle = message.locator('[data-testid=email-quote-toggle]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await quote.waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // The forwarded mail reads inline, with its sender, date and subject.
    const forwarded = body.locator('.sb-forwarded');
    expect(await forwarded.locator('.sb-forwarded__header').innerText()).toContain(
      'From: Bob Buyer <bob@shop.example>',
    );
    expect(await forwarded.innerText()).toContain('Subject: Order 42');
    expect(await forwarded.innerText()).toContain('The box arrived crushed.');
    await ui.screenshot('email-rich');

    // Files: the photo under its decoded name, the original forward as a named .eml, no inline logo.
    const thumb = message.locator('img[data-testid=attachment-thumbnail]');
    expect(await thumb.getAttribute('alt')).toBe('фото.png');
    expect(await message.locator('[data-testid=attachment-link]').allInnerTexts()).toEqual([
      'Order 42.eml',
    ]);
    // Every file is served as a download; an image opens in the inbox's own preview.
    const url = (await thumb.getAttribute('src')) ?? '';
    const served = await ui.page.request.get(new URL(url, ui.page.url()).toString());
    expect(served.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    await thumb.click();
    const preview = ui.page.locator('[data-testid=image-preview]');
    await preview.waitFor();
    expect(await preview.locator('img').getAttribute('src')).toBe(url);
    await ui.page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
    expect(ui.pageErrors).toEqual([]);
  });

  it('replies on the email channel: the customer gets a mail in the same thread', async () => {
    await ui.openRow('Jane Customer');
    await ui.page.fill('[data-testid=composer-input]', 'Hi Jane, a replacement is on its way.');
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    const [mail] = await servers.smtp.waitForMessages(1, 30_000);
    expect(mail?.envelope.to).toEqual(['jane@customer.example']);
    expect(mail?.parsed.subject).toMatch(/^Re: Where is my order\?/);
    expect(mail?.parsed.text).toContain('Hi Jane, a replacement is on its way.');
    await ui.page.waitForSelector('[data-testid=delivery-status][data-status=sent]');
  });
});
