import type { InboxDto } from '@switchboard/contracts';
import {
  ApiChannelCustomer,
  auditAccessibility,
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { testPng } from './support/test-png';
import { waitUntil } from './support/wait-until';
import { WebchatVisitor } from './support/webchat-visitor';

/** The API inbox's signing secret after the admin rotates it in the form. */
const ROTATED_SECRET = 'rotated-signing-secret-0123456789';
const MAILBOX = { user: 'support@example.test', password: 'imap-secret' };
const PNG = testPng(160, 100);

function mail(n: number): string {
  return [
    `From: Customer ${n} <c${n}@customer.example>`,
    `To: ${MAILBOX.user}`,
    `Subject: Old question ${n}`,
    `Date: ${new Date(Date.now() - 3600_000).toUTCString()}`,
    `Message-ID: <old-${n}-${Date.now()}@customer.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Question number ${n}`,
  ].join('\r\n');
}

describe('inbox: settings and attachments', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;

  const inboxes = () => h.admin.ok<InboxDto[]>('GET', '/api/inboxes');
  const inboxNamed = async (name: string) => {
    const found = (await inboxes()).find((i) => i.name === name);
    if (!found) throw new Error(`no inbox ${name}`);
    return found;
  };
  const openInbox = (name: string) =>
    ui.page.locator('[data-testid=settings-inbox]', { hasText: name }).click();
  const detailOf = async (id: string) =>
    ui.page.waitForSelector(`[data-testid=settings-detail][data-inbox-id="${id}"]`);

  beforeAll(async () => {
    Object.assign(process.env, { EMAIL_SYNC_POLL_MS: '1000', EMAIL_SYNC_RECONNECT_MS: '200' });
    dovecot = await startDovecot({ users: [MAILBOX] });
    for (const n of [1, 2, 3]) await dovecot.appendMessage(MAILBOX.user, 'INBOX', mail(n));
    smtp = await startSmtpPeer();
    h = await InboxHarness.start();
    await h.admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'email',
      name: 'Support mail',
      settings: {
        fromAddress: MAILBOX.user,
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

  afterEach(() => {
    expect(ui.pageErrors).toEqual([]);
  });

  it('the admin creates a web chat inbox and gets its embed snippet', async () => {
    await ui.page.click('[data-testid=settings-open]');
    await ui.page.waitForSelector('[data-testid=settings-inbox]');
    await ui.page.click('[data-testid=settings-new-webchat]');
    await ui.page.fill('#inbox-field-name', 'Website chat');
    await ui.page.fill('#inbox-field-allowedOrigins', 'https://shop.example');
    await ui.page.fill('#inbox-field-greeting', 'Hello from Acme!');
    await ui.page.click('[data-testid=secret-hmacSecret] button');
    const hmacSecret = await ui.page.inputValue('#inbox-secret-hmacSecret');
    expect(hmacSecret).toMatch(/^[0-9a-f]{64}$/);
    await ui.page.click('[data-testid=inbox-form-submit]');

    // Once created, the screen switches to the stored inbox.
    const created = await waitUntil(
      async () => (await inboxes()).find((i) => i.name === 'Website chat'),
      () => 'no inbox "Website chat" was created',
    );
    expect(created).toMatchObject({
      kind: 'webchat',
      secretsSet: ['hmacSecret'],
      settings: { allowedOrigins: ['https://shop.example'], greeting: 'Hello from Acme!' },
    });
    await detailOf(created.id);
    expect(await ui.page.textContent('[data-testid=inbox-form-notice]')).toBe('Inbox created');
    const snippet = await ui.page.waitForSelector('[data-testid=webchat-snippet]');
    expect(await snippet.textContent()).toBe(
      `<script async src="${h.api.baseUrl}/widget/loader.js" data-inbox="${created.id}"></script>`,
    );
    // The secret went to the server once and is not shown again.
    expect(await ui.page.inputValue('#inbox-secret-hmacSecret')).toBe('');
    expect(
      await ui.page.textContent('[data-testid=secret-hmacSecret] [data-testid=secret-state]'),
    ).toBe('set');
    expect(await ui.page.content()).not.toContain(hmacSecret);
    await ui.page.$eval('[data-testid=settings-detail]', (el) => el.scrollTo(0, 0));
    await ui.screenshot('settings-webchat');
  });

  it('edits the API inbox outbound URL; secrets are write-only and refusals shown inline', async () => {
    const api = await inboxNamed('Shop API');
    await openInbox('Shop API');
    await detailOf(api.id);
    expect(await ui.page.inputValue('#inbox-field-outboundUrl')).toBe(h.receiver.url);
    expect(await ui.page.inputValue('#inbox-secret-signingSecret')).toBe('');
    expect(
      await ui.page.textContent('[data-testid=secret-signingSecret] [data-testid=secret-state]'),
    ).toBe('set');

    // The URL the integrator's system posts to, with a Copy button that really copies it.
    expect(await ui.page.inputValue('[data-testid=api-inbound-url]')).toBe(api.webhookUrl);
    expect(api.webhookUrl).toBe(`${h.api.baseUrl}/api/webhooks/${api.id}`);
    await ui.page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.api.baseUrl });
    await ui.page.click('[data-testid=api-inbound-url-copy]');
    await ui.page.waitForSelector('[data-testid=api-inbound-url-copy]:has-text("Copied")');
    expect(await ui.page.evaluate(() => navigator.clipboard.readText())).toBe(api.webhookUrl);
    expect(await ui.page.getAttribute('[data-testid=api-docs-link]', 'href')).toContain(
      '/api/docs',
    );

    // Too short a secret: the server's reason appears next to the form and nothing changes.
    await ui.page.fill('#inbox-secret-signingSecret', 'short');
    await ui.page.click('[data-testid=inbox-form-submit]');
    const error = await ui.page.waitForSelector('[data-testid=inbox-form-error]');
    expect(await error.textContent()).toContain('16 characters');

    const newSecret = ROTATED_SECRET;
    await ui.page.fill('#inbox-field-outboundUrl', 'https://hooks.example.test/replies');
    await ui.page.fill('#inbox-secret-signingSecret', newSecret);
    await ui.page.click('[data-testid=inbox-form-submit]');
    await ui.page.waitForSelector('[data-testid=inbox-form-notice]');

    const saved = await inboxNamed('Shop API');
    expect(saved.settings).toEqual({ outboundUrl: 'https://hooks.example.test/replies' });
    expect(saved.secretsSet).toEqual(['signingSecret']);
    expect(JSON.stringify(await inboxes())).not.toContain(newSecret);
    expect(await ui.page.inputValue('#inbox-secret-signingSecret')).toBe('');
    expect(await ui.page.content()).not.toContain(newSecret);
  });

  it('shows the email inbox sync status with history progress, and a refused login inline', async () => {
    const email = await inboxNamed('Support mail');
    await openInbox('Support mail');
    await detailOf(email.id);
    await ui.page.waitForSelector('[data-testid=email-sync-panel]');
    await waitUntil(
      async () =>
        (await ui.page.textContent('[data-testid=email-sync-history]').catch(() => ''))?.includes(
          '3 of 3',
        ) ?? false,
      async () => `history: ${await ui.page.textContent('[data-testid=email-sync-history]')}`,
      30_000,
    );
    expect(await ui.page.getAttribute('[data-testid=email-sync-history] progress', 'value')).toBe(
      '3',
    );
    await ui.page.$eval('[data-testid=settings-detail]', (el) => el.scrollTo(0, 0));
    await ui.screenshot('settings-email');

    await ui.page.fill('#inbox-secret-imapPassword', 'wrong-password');
    await ui.page.click('[data-testid=inbox-form-submit]');
    const error = await ui.page.waitForSelector('[data-testid=inbox-form-error]', {
      timeout: 30_000,
    });
    expect((await error.textContent())?.length).toBeGreaterThan('Could not save: '.length);
    expect((await inboxNamed('Support mail')).secretsSet).toEqual(['imapPassword', 'smtpPassword']);
  });

  it('uploads a PNG in a web chat conversation and shows it as a thumbnail', async () => {
    const webchat = await inboxNamed('Website chat');
    const visitor = new WebchatVisitor(h.api.baseUrl, webchat.id, 'Wendy Visitor');
    await visitor.say('Here is my broken order');
    await ui.page.click('[data-testid=settings-open]');
    await ui.page.waitForSelector('[data-testid=feed-row]');
    await waitUntil(
      async () => (await ui.feedNames()).includes('Wendy Visitor'),
      async () => `feed: ${JSON.stringify(await ui.feedNames())}`,
    );
    await ui.openRow('Wendy Visitor');

    await ui.page.setInputFiles('[data-testid=composer-file-input]', {
      name: 'receipt.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await ui.page.waitForSelector('[data-testid=composer-attachment][data-status=ready]');
    // Attachments alone are enough to send.
    expect(await ui.page.isEnabled('[data-testid=composer-send]')).toBe(true);
    await ui.page.click('[data-testid=composer-send]');

    const thumb = await ui.page.waitForSelector(
      '[data-testid=timeline-message] img[data-testid=attachment-thumbnail]',
    );
    expect(await thumb.getAttribute('alt')).toBe('receipt.png');
    await waitUntil(
      () => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 160),
      async () => `thumbnail src ${await thumb.getAttribute('src')} did not load`,
    );
    expect(await ui.page.$$('[data-testid=composer-attachment]')).toHaveLength(0);
    await ui.screenshot('attachment-thumbnail');
    await waitUntil(
      async () => JSON.stringify(await visitor.history()).includes('receipt.png'),
      async () => `visitor sees ${JSON.stringify(await visitor.history())}`,
    );
  });

  it('a channel that carries no files refuses them; the reason shows on the message', async () => {
    const api = await inboxNamed('Shop API');
    // Signed with the secret typed in the form: the rotation took effect.
    const customer = new ApiChannelCustomer(h.api.baseUrl, api.id, ROTATED_SECRET, {
      id: 'cust-carl',
      name: 'Carl Api',
    });
    expect((await customer.say('Can I send you a photo?')).status).toBeLessThan(300);
    await waitUntil(
      async () => (await ui.feedNames()).includes('Carl Api'),
      async () => `feed: ${JSON.stringify(await ui.feedNames())}`,
    );
    await ui.openRow('Carl Api');
    await ui.page.setInputFiles('[data-testid=composer-file-input]', {
      name: 'label.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await ui.page.waitForSelector('[data-testid=composer-attachment][data-status=ready]');
    await ui.page.fill('[data-testid=composer-input]', 'Here is the label');
    await ui.page.click('[data-testid=composer-send]');
    const failed = await ui.page.waitForSelector(
      '[data-testid=timeline-message] [data-testid=delivery-status][data-status=failed]',
    );
    expect(await failed.textContent()).toContain('does not carry attachments');
  });

  it('the admin sets pre-chat questions; the operator sees the page the visitor wrote from', async () => {
    const webchat = await inboxNamed('Website chat');
    await ui.page.click('[data-testid=settings-open]');
    await openInbox('Website chat');
    await detailOf(webchat.id);
    const panel = '[data-testid=prechat-fields]';
    const row = (n: number) => `${panel} [data-testid=prechat-row]:nth-of-type(${n})`;
    // Added in the order a form asks: name, then email, then anything else.
    for (let i = 0; i < 3; i++) await ui.page.click(`${panel} [data-testid=prechat-add]`);
    expect(await ui.page.inputValue(`${row(1)} [data-testid=prechat-type]`)).toBe('name');
    expect(await ui.page.inputValue(`${row(2)} [data-testid=prechat-type]`)).toBe('email');
    await ui.page.fill(`${row(1)} [data-testid=prechat-label]`, 'Your name');
    await ui.page.fill(`${row(2)} [data-testid=prechat-label]`, 'Email');
    await ui.page.uncheck(`${row(2)} [data-testid=prechat-required]`);
    await ui.page.fill(`${row(3)} [data-testid=prechat-label]`, 'Order number');
    await ui.page.fill(`${row(3)} [data-testid=prechat-key]`, 'order_number');
    await ui.page.click(`${panel} [data-testid=prechat-save]`);
    await ui.page.waitForSelector(
      `${panel} [data-testid=prechat-message]:text-is("Pre-chat form saved")`,
    );
    expect((await auditAccessibility(ui.page, panel)).blocking).toEqual([]);
    expect((await inboxNamed('Website chat')).settings['preChatFields']).toEqual([
      { key: 'name', label: 'Your name', type: 'name', required: true },
      { key: 'email', label: 'Email', type: 'email', required: false },
      { key: 'order_number', label: 'Order number', type: 'text', required: false },
    ]);

    const visitor = new WebchatVisitor(h.api.baseUrl, webchat.id, 'Zoe Visitor');
    await visitor.say('Where is my parcel?', {
      visitorName: null,
      prechat: { name: 'Zoe Answered', order_number: 'A-77' },
      pageUrl: 'https://shop.example/orders/track',
      referrer: 'https://mail.example/inbox',
    });
    await ui.page.click('[data-testid=settings-open]');
    await waitUntil(
      async () => (await ui.feedNames()).includes('Zoe Answered'),
      async () => `feed: ${JSON.stringify(await ui.feedNames())}`,
    );
    await ui.openRow('Zoe Answered');
    const line = await ui.page.waitForSelector('[data-testid=message-source-page]');
    const url = await line.$('[data-testid=message-source-url]');
    expect(await url?.getAttribute('href')).toBe('https://shop.example/orders/track');
    expect(await url?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await url?.textContent()).toBe('shop.example/orders/track');
    const from = await line.$('[data-testid=message-source-referrer]');
    expect(await from?.getAttribute('href')).toBe('https://mail.example/inbox');
    expect((await auditAccessibility(ui.page, '[data-testid=timeline]')).blocking).toEqual([]);
    expect(await line.textContent()).toBe(
      'Page shop.example/orders/trackCame from mail.example/inbox',
    );
  });
});
