import type {
  AccountDto,
  ConversationSummaryDto,
  OperatorDto,
  Page as ResultPage,
} from '@switchboard/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { InboxHarness, OPERATOR } from './support/inbox-harness';
import {
  connectEmailInbox,
  MAILBOX,
  startMailServers,
  type MailServers,
} from './support/email-mailbox';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

function customerMail(from: string, subject: string, text: string): string {
  return [
    `From: ${from}`,
    `To: Acme Support <${MAILBOX.user}>`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <portal-${Math.random().toString(36).slice(2)}@customer.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
}

/**
 * The customer portal in real Chromium with JavaScript off on the customer's side: sign-in through
 * the link the SMTP peer received, the request's status and assignee, a reply the operator (signed
 * in to the inbox in the same browser) sees live, no internal note, and another's request 404.
 */
describe('portal: a customer follows their request (Chromium)', () => {
  let h: InboxHarness;
  let ui: InboxPage;
  let servers: MailServers;
  let customer: BrowserContext;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    servers = await startMailServers();
    h = await InboxHarness.start();
    // The admin files portal requests in the mail inbox, whose form asks a required order number.
    const mail = await connectEmailInbox(h, servers, {
      preChatFields: [{ key: 'order_number', label: 'Order number', type: 'text', required: true }],
    });
    await h.admin.ok('PUT', '/api/portal-settings', { targetInboxId: mail.id });
    accountId = (await h.admin.ok<AccountDto>('GET', '/api/account')).id;
    await servers.dovecot.appendMessage(
      MAILBOX.user,
      'INBOX',
      customerMail('Jane Customer <jane@customer.example>', 'Broken lid', 'The lid cracked.'),
    );
    await servers.dovecot.appendMessage(
      MAILBOX.user,
      'INBOX',
      customerMail('Bob Other <bob@other.example>', 'Bob private matter', 'Only for Bob.'),
    );
    ui = await h.openPage();
    await ui.login();
    await waitUntil(
      async () => (await ui.feedNames()).length === 2,
      async () => `feed is ${JSON.stringify(await ui.feedNames())}`,
      30_000,
    );
    customer = await h.browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    page = await customer.newPage();
  });

  afterAll(async () => {
    await customer?.close();
    await h?.stop();
    await servers?.stop();
  });

  it('signs in by mailed link, sees status and assignee, replies live, never sees a note or another request, and opens a request with the inbox’s required field', async () => {
    const jane = await h.conversationOf('Jane Customer');
    const bob = await h.conversationOf('Bob Other');
    const me = await h.admin.ok<OperatorDto>('GET', '/api/auth/me');
    await h.admin.ok('POST', `/api/conversations/${jane.id}/assign`, { assigneeId: me.id });
    await h.admin.ok('POST', `/api/conversations/${jane.id}/messages`, {
      text: 'INTERNAL: refund approved by finance',
      kind: 'note',
    });
    await ui.openRow('Jane Customer');

    await page.goto(`${h.api.baseUrl}/portal/${accountId}/sign-in`);
    await page.fill('input[name=email]', 'jane@customer.example');
    await page.click('button[type=submit]');
    expect(await page.textContent('[role=status]')).toContain('If we know this address');
    const [mail] = await servers.smtp.waitForMessages(1, 30_000);
    expect(mail?.envelope.to).toEqual(['jane@customer.example']);
    const link = /https?:\/\/\S+\/portal\/link\/[A-Za-z0-9_-]+/.exec(mail?.parsed.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/portal\/requests$/);

    const row = page.locator('tbody tr', { hasText: 'Broken lid' });
    expect(await row.locator('.status').textContent()).toBe('In progress');
    expect(await row.textContent()).toContain(OPERATOR.name);
    // The request's number and its last update, as the inbox knows them.
    const shown = await h.conversationOf('Jane Customer');
    expect(await row.locator('td').nth(0).textContent()).toBe(String(shown.number));
    expect(await row.locator('td').nth(4).textContent()).toBe(
      new Date(shown.lastActivityAt).toLocaleString('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
    );
    expect(await page.locator('body').textContent()).not.toContain('Bob private matter');

    await row.locator('a').click();
    await page.waitForURL(new RegExp(`/portal/requests/${jane.id}$`));
    expect(await page.locator('body').textContent()).toContain('The lid cracked.');
    expect(await page.content()).not.toContain('refund approved');
    await page.fill('textarea[name=text]', 'Any news about the lid?');
    await page.click('form[enctype="multipart/form-data"] button[type=submit]');
    await page.locator('article', { hasText: 'Any news about the lid?' }).waitFor();

    // The operator, looking at the conversation, sees the reply arrive over the socket.
    await ui.timelineMessage('Any news about the lid?').waitFor({ timeout: 15_000 });
    expect(ui.pageErrors).toEqual([]);

    const foreign = await page.goto(`${h.api.baseUrl}/portal/requests/${bob.id}`);
    expect(foreign?.status()).toBe(404);
    expect(await page.locator('body').textContent()).not.toContain('Only for Bob');

    // New request: the form asks the inbox's required field.
    await page.goto(`${h.api.baseUrl}/portal/requests`);
    await page.click('a[href="/portal/new"]');
    await page.waitForURL(/\/portal\/new$/);
    const order = page.locator('input[name=field_order_number]');
    expect(await page.textContent('label[for=field_order_number]')).toBe('Order number');
    expect(await order.getAttribute('required')).not.toBeNull();
    await page.fill('input[name=subject]', 'Wrong colour');
    await page.fill('textarea[name=text]', 'The mug arrived blue, I ordered red.');
    // Spaces pass the browser's own required check; the server still refuses, naming the field.
    await order.fill('   ');
    const send = page.locator('form[action="/portal/new"] button[type=submit]');
    await send.click();
    expect(await page.textContent('[role=alert]')).toBe('Please fill in “Order number”.');
    expect(await page.inputValue('textarea[name=text]')).toBe(
      'The mug arrived blue, I ordered red.',
    );
    const open = await h.admin.ok<ResultPage<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open&limit=100',
    );
    expect(open.items.map((c) => c.subject)).not.toContain('Wrong colour');

    await order.fill('A-5521');
    await send.click();
    await page.waitForURL(/\/portal\/requests\/[0-9a-f-]{36}$/);
    expect(await page.locator('body').textContent()).toContain('The mug arrived blue');
    await page.goto(`${h.api.baseUrl}/portal/requests`);
    expect(await page.locator('tbody tr', { hasText: 'Wrong colour' }).count()).toBe(1);

    // The operator sees the new request arrive in the feed and reads it.
    const newRow = ui.page.locator('[data-testid=feed-row]', { hasText: 'Wrong colour' });
    await newRow.waitFor({ timeout: 15_000 });
    await newRow.click();
    await ui.timelineMessage('The mug arrived blue').waitFor({ timeout: 15_000 });
    expect(ui.pageErrors).toEqual([]);
  });
});
