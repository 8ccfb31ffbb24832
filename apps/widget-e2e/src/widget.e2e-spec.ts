import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ConversationSummaryDto, Page as ApiPage } from '@switchboard/contracts';
import { startCustomerSite } from './support/customer-site';
import { OperatorUi } from './support/operator-ui';
import { HMAC_SECRET, WebchatHarness } from './support/webchat-harness';
import { WidgetUi } from './support/widget-ui';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6e1d20000000049454e44ae426082',
  'hex',
);

describe('web chat widget in Chromium: customer site ↔ operator inbox', () => {
  let h: WebchatHarness;
  let operator: OperatorUi;

  beforeAll(async () => {
    h = await WebchatHarness.start();
    operator = new OperatorUi(await h.newPage(), h.api.baseUrl);
    await operator.login();
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => {
    expect(h.pageErrors).toEqual([]);
  });

  it('exchanges messages live both ways, and the history survives a reload', async () => {
    const context = await h.newContext();
    const page = await h.newPage(context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).origin));
    await page.goto(h.site.url('/tents'));
    const widget = new WidgetUi(page);
    await widget.open();
    await page.waitForSelector('.sb-greeting:text-is("Hi! Ask us anything.")');
    await page.waitForSelector('.sb-notice:text-is("We answer Mon–Fri, 9–17.")');
    // The inbox's accent colour, and none of the host page's hostile CSS, inside the shadow root.
    const look = await page.$eval('.sb-bubble', (bubble) => {
      const style = getComputedStyle(bubble);
      const text = getComputedStyle(
        bubble.getRootNode() instanceof ShadowRoot
          ? ((bubble.getRootNode() as ShadowRoot).querySelector('.sb-chat h2') as Element)
          : bubble,
      );
      return {
        background: style.backgroundColor,
        display: style.display,
        font: text.fontFamily,
        color: text.color,
      };
    });
    expect(look).toEqual({
      background: 'rgb(15, 118, 110)',
      display: 'flex',
      font: expect.not.stringContaining('Comic Sans'),
      color: 'rgb(255, 255, 255)',
    });

    await widget.send('Do you ship to Norway?');
    await widget.waitForMessage('visitor', 'Do you ship to Norway?', 'delivered');

    await operator.openConversationWith('Do you ship to Norway?');
    await operator.reply('Yes — in 3 days.');
    await widget.waitForMessage('operator', 'Yes — in 3 days.');
    // The operator read and answered: the visitor's message shows the read tick.
    await widget.waitForMessage('visitor', 'Do you ship to Norway?', 'read');
    // ...and the visitor saw the reply: the operator's message shows the read tick too.
    await operator.page.waitForSelector(
      '[data-testid=timeline-message]:has(.message__text:text-is("Yes — in 3 days.")) [data-testid=delivery-status][data-status=read]',
      { timeout: 15_000 },
    );

    await widget.send('Great, thanks!');
    await operator.waitForTimelineText('Great, thanks!');

    await page.reload();
    await widget.open();
    await widget.waitForMessage('operator', 'Yes — in 3 days.');
    expect((await widget.messages()).map((m) => `${m.author}: ${m.text}`)).toEqual([
      'visitor: Do you ship to Norway?',
      'operator: Yes — in 3 days.',
      'visitor: Great, thanks!',
    ]);

    // A new tab of the same browser is the same visitor: with the bubble closed, a reply shows
    // up as an unread badge; the tab with the chat open shows it at once.
    const tab = await h.newPage(context);
    tab.on('request', (r) => requests.push(new URL(r.url()).origin));
    await tab.goto(h.site.url('/boots'));
    await tab.waitForSelector('.sb-chat', { state: 'attached' });
    await operator.reply('Anything else?');
    await widget.waitForMessage('operator', 'Anything else?');
    await tab.waitForSelector('.sb-badge:text-is("1")');
    const inTab = new WidgetUi(tab);
    await inTab.open();
    await inTab.waitForMessage('operator', 'Anything else?');
    expect(await tab.isVisible('.sb-badge')).toBe(false);

    // Nothing but the site itself and Switchboard; no cookies at all.
    expect(new Set(requests)).toEqual(new Set([h.site.origin, h.api.baseUrl]));
    expect(await context.cookies()).toEqual([]);
  });

  it('shows HTML and script as text on both sides, never executing it', async () => {
    const page = await h.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(h.site.url('/'));
    await page.waitForSelector('.sb-bubble');
    // A first-time visitor's page load costs the loader only; the chat UI comes on first open.
    expect(fetched.filter((path) => path !== '/')).toEqual(['/widget/loader.js']);
    const widget = new WidgetUi(page);
    await widget.open();
    expect(fetched).toContain('/widget/chat.js');
    const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await widget.send(attack);
    await widget.waitForMessage('visitor', attack, 'delivered');
    await operator.openConversationWith(attack);
    await operator.reply('<b onmouseover="window.__pwned=3">bold?</b>');
    await widget.waitForMessage('operator', '<b onmouseover="window.__pwned=3">bold?</b>');
    await page.hover('.sb-log li[data-author=operator] .sb-text');
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(
      await operator.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.$$('.sb-log img, .sb-log script, .sb-log b')).toHaveLength(0);
  });

  it('sends an image to the operator and refuses files the chat does not take', async () => {
    const page = await h.newPage();
    await page.goto(h.site.url('/returns'));
    const widget = new WidgetUi(page);
    await widget.open();
    await widget.send('Here is a photo of the damage');
    await widget.waitForMessage('visitor', 'Here is a photo of the damage', 'delivered');
    await page.setInputFiles('.sb-compose input[type=file]', {
      name: 'damage.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    // The image waits in a preview (for an optional caption) until the visitor sends it.
    await page.click('.sb-preview-send');
    await page.waitForSelector('.sb-log li[data-author=visitor] img[alt="damage.png"]', {
      timeout: 15_000,
    });
    await operator.openConversationWith('Here is a photo of the damage', 'damage.png');
    // The operator's timeline shows images as thumbnails.
    await operator.page.waitForSelector('[data-testid=timeline] img[alt="damage.png"]', {
      timeout: 15_000,
    });

    await page.setInputFiles('.sb-compose input[type=file]', {
      name: 'invoice.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<script>alert(1)</script>'),
    });
    await page.waitForSelector('.sb-error:text-matches("Only images")');
  });

  it('confirms the follow-up address by link, opens the portal from the chat, then emails the answer, and the link reopens the chat', async () => {
    const context = await h.newContext();
    const page = await h.newPage(context);
    await page.goto(h.site.url('/boots/hiker'));
    const widget = new WidgetUi(page);
    await widget.open();
    await widget.send('Do the Hiker boots run small?');
    await widget.waitForMessage('visitor', 'Do the Hiker boots run small?', 'delivered');
    const before = h.smtp.messages.length;
    await widget.leaveEmail('kari@example.no');
    await page.waitForSelector('.sb-email[data-state=pending] label:has-text("Check your inbox")');
    // Not confirmed yet: the portal is not offered.
    expect(await page.locator('.sb-portal').isVisible()).toBe(false);

    // The visitor opens the link from the confirmation email and presses the button; the chat,
    // still open on the shop's page, shows the address as confirmed at once.
    const [confirmation] = (await h.smtp.waitForMessages(before + 1, 20_000)).slice(before);
    expect(confirmation.envelope.to).toEqual(['kari@example.no']);
    const confirmLink = /(http:\/\/\S+\/contact\/confirm\?token=\S+)/.exec(
      confirmation.parsed.text ?? '',
    )?.[1];
    expect(confirmLink).toBeDefined();
    const mailbox = await h.newPage(context);
    await mailbox.goto(confirmLink as string);
    await mailbox.click('button[type=submit]');
    await mailbox.waitForSelector('h1:text-is("Email address confirmed")');
    await mailbox.close();
    await page.waitForSelector(
      '.sb-email[data-state=confirmed] label:has-text("Confirmed: we will email kari@example.no")',
      { timeout: 15_000 },
    );

    // Confirmed, the visitor follows their requests in the portal, signed in, in a new tab.
    const [portal] = await Promise.all([
      context.waitForEvent('page'),
      page.click('.sb-head button.sb-portal:text-is("Your requests")'),
    ]);
    await portal.waitForURL(/\/portal\/link\//, { timeout: 15_000 });
    await portal.click('button[type=submit]');
    await portal.waitForURL(/\/portal\/requests$/);
    await portal.waitForSelector('h1:text-is("Your requests")');
    expect(await portal.locator('tbody a:has-text("Do the Hiker boots run small?")').count()).toBe(
      1,
    );
    await portal.close();
    await page.close();

    const sent = h.smtp.messages.length;
    await operator.openConversationWith('Do the Hiker boots run small?');
    await operator.reply('They run half a size small.');
    const [mail] = (await h.smtp.waitForMessages(sent + 1, 20_000)).slice(sent);
    expect(mail.envelope.to).toEqual(['kari@example.no']);
    expect(mail.parsed.text).toContain('They run half a size small.');
    const link = /(http:\/\/\S+#sb-chat)/.exec(mail.parsed.text ?? '')?.[1];
    expect(link).toBe(h.site.url('/boots/hiker#sb-chat'));

    const back = await h.newPage(context);
    await back.goto(link as string);
    const again = new WidgetUi(back);
    await back.waitForSelector('.sb-chat textarea', { state: 'visible' });
    await again.waitForMessage('operator', 'They run half a size small.');
  });

  it('works on the demo page the API serves in development', async () => {
    const page = await h.newPage();
    await page.goto(`${h.api.baseUrl}/widget/demo/?inbox=${h.inbox.id}`);
    const widget = new WidgetUi(page);
    await widget.open();
    await widget.send('Hello from the demo page');
    await widget.waitForMessage('visitor', 'Hello from the demo page', 'delivered');
    const feed = await h.admin.ok<ApiPage<ConversationSummaryDto>>(
      'GET',
      '/api/conversations?status=open',
    );
    expect(feed.items.some((c) => c.lastMessagePreview === 'Hello from the demo page')).toBe(true);
  });

  it('recognises a signed-in customer of the site on another device', async () => {
    const userId = 'acme-user-7';
    const hash = createHmac('sha256', HMAC_SECRET).update(userId).digest('hex');
    const snippet = `<script async src="${h.api.baseUrl}/widget/loader.js" data-inbox="${h.inbox.id}" data-user-id="${userId}" data-user-hash="${hash}"></script>`;
    const account = await startCustomerSite(() => snippet);
    try {
      await h.admin.ok('PATCH', `/api/inboxes/${h.inbox.id}`, {
        settings: { allowedOrigins: [h.site.origin, account.origin] },
      });
      const laptop = await h.newPage();
      await laptop.goto(account.url('/account'));
      const onLaptop = new WidgetUi(laptop);
      await onLaptop.open();
      await onLaptop.send('Where is order 1234?');
      await onLaptop.waitForMessage('visitor', 'Where is order 1234?', 'delivered');

      const phone = await h.newPage();
      await phone.goto(account.url('/account'));
      const onPhone = new WidgetUi(phone);
      await onPhone.open();
      await onPhone.waitForMessage('visitor', 'Where is order 1234?');
    } finally {
      await account.close();
    }
  });

  it('refuses to run on a site that is not in the allow-list', async () => {
    const snippet = `<script async src="${h.api.baseUrl}/widget/loader.js" data-inbox="${h.inbox.id}"></script>`;
    const elsewhere = await startCustomerSite(() => snippet);
    try {
      const page = await h.newPage();
      await page.goto(elsewhere.url('/'));
      await page.click('.sb-bubble');
      await page.waitForSelector('.sb-error:not(:empty)');
      const errors = h.pageErrors.splice(0);
      expect(errors).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('keeps the loader under 10 KB gzip', () => {
    const loader = readFileSync(resolve(__dirname, '../../../dist/apps/widget/loader.js'));
    expect(gzipSync(loader, { level: 9 }).length).toBeLessThan(10 * 1024);
  });
});
