import type { InboxDto } from '@switchboard/contracts';
import { FakeTwilio, type FakeTwilioAccount } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';
import { waitUntil } from './support/wait-until';

const SID = `AC${'1'.repeat(32)}`;
const TOKEN = 'a'.repeat(32);
const WRONG_TOKEN = 'f'.repeat(32);
const SENDER = 'whatsapp:+14155238886';
const ANA = 'whatsapp:+4915112345678';
const APPROVED = `HX${'a'.repeat(32)}`;
const PENDING = `HX${'b'.repeat(32)}`;
const HOUR_MS = 3_600_000;

/**
 * WhatsApp through Twilio in the browser: the admin connects a sender in the settings against the
 * fake Twilio (the real API talks to it through the `twilio` client), a customer writes, the
 * operator sees the 24-hour window count down and answers; once the window has closed the
 * composer offers only approved templates, and the template send reaches Twilio as a Content SID
 * with its variables.
 */
describe('inbox: WhatsApp (Twilio)', () => {
  let fake: FakeTwilio;
  let account: FakeTwilioAccount;
  let h: InboxHarness;
  let ui: InboxPage;
  let inbox: InboxDto;

  beforeAll(async () => {
    fake = await FakeTwilio.start();
    account = fake.addAccount({ sid: SID, authToken: TOKEN, friendlyName: 'Acme Support' });
    account.addTemplate({
      sid: PENDING,
      friendlyName: 'autumn_sale',
      language: 'en',
      body: 'Our sale starts on {{1}}!',
      approval: 'pending',
    });
    account.addTemplate({
      sid: APPROVED,
      friendlyName: 'order_update',
      language: 'en',
      body: 'Hi {{1}}, your order has an update. Reply to continue.',
      approval: 'approved',
    });
    h = await InboxHarness.start({ env: { TWILIO_API_ORIGIN: fake.origin } });
    ui = await h.openPage();
    await ui.login();
  });

  afterAll(async () => {
    await h?.stop();
    await fake?.stop();
  });

  afterEach(() => {
    expect(ui.pageErrors).toEqual([]);
  });

  it('connects a sender in the settings and shows the URLs to paste into Twilio', async () => {
    await ui.toggleSettings(true);
    await ui.page.click('[data-testid=settings-new-whatsapp]');
    await ui.page.fill('#inbox-field-name', 'Acme on WhatsApp');
    await ui.page.fill('#inbox-field-accountSid', SID);
    await ui.page.fill('#inbox-field-sender', SENDER);
    await ui.page.fill('#inbox-secret-authToken', WRONG_TOKEN);
    await ui.page.click('[data-testid=inbox-form-submit]');
    const error = await ui.page.waitForSelector('[data-testid=inbox-form-error]');
    expect(await error.textContent()).toMatch(/^Could not save: .*20003/);

    await ui.page.fill('#inbox-secret-authToken', TOKEN);
    await ui.page.click('[data-testid=inbox-form-submit]');
    const name = await ui.page.waitForSelector('[data-testid=twilio-account-name]');
    expect(await name.textContent()).toBe('Acme Support');
    expect(await ui.page.textContent('[data-testid=twilio-channel]')).toBe('WhatsApp');
    expect(await ui.page.textContent('[data-testid=twilio-window-rule]')).toContain(
      'answer freely for 24 hours',
    );

    const inboxes = await h.admin.ok<InboxDto[]>('GET', '/api/inboxes');
    const created = inboxes.find((i) => i.kind === 'whatsapp');
    if (!created) throw new Error('no WhatsApp inbox');
    inbox = created;
    expect(inbox.webhookUrl).toBe(`${h.api.baseUrl}/api/webhooks/${inbox.id}`);
    expect(await ui.page.inputValue('[data-testid=twilio-webhook-url]')).toBe(inbox.webhookUrl);
    expect(await ui.page.inputValue('[data-testid=twilio-status-url]')).toBe(
      inbox.statusCallbackUrl,
    );
    expect(await ui.page.inputValue('#inbox-secret-authToken')).toBe('');
    await ui.page.$eval('[data-testid=settings-detail]', (el) => el.scrollTo(0, 0));
    await ui.screenshot('settings-whatsapp');
    await ui.toggleSettings(false);

    // What the admin does next in the Twilio console: "A message comes in" → the URL shown.
    account.addSender(SENDER, { inboundUrl: inbox.webhookUrl });
  });

  it('counts the reply window down and answers with free text while it is open', async () => {
    const inbound = await account.customerSays(ANA, SENDER, 'Hi, where is my order?', {
      profileName: 'Ana Costa',
    });
    expect(inbound.status).toBe(200);
    await ui.waitForFeed(['Ana Costa']);
    await ui.openRow('Ana Costa');

    const countdown = ui.page.locator('[data-testid=reply-window]');
    expect(await countdown.getAttribute('data-state')).toBe('open');
    expect(await countdown.textContent()).toMatch(/^Reply window: (24 h|23 h 59 min) left$/);

    const text = 'Hello Ana, it ships today <b>&amp;</b> arrives Friday.';
    await ui.page.fill('[data-testid=composer-input]', text);
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    await account.waitFor((a) => a.messages.some((m) => m.body === text));
    const sent = account.messages.find((m) => m.body === text);
    expect(sent).toMatchObject({ from: SENDER, to: ANA, contentSid: null });
    await ui.timelineMessage(text).locator('[data-testid=delivery-status]').waitFor();
    await ui.screenshot('whatsapp-window-open');
  });

  it('offers only templates once the window has closed, and sends one with its variable', async () => {
    const conversation = await h.conversationOf('Ana Costa');
    // Twilio's view of the window, and ours: the customer last wrote 25 hours ago.
    account.ageWindow(ANA, 25 * HOUR_MS);
    await h.api.dataSource.query(
      `UPDATE conversations SET last_incoming_at = now() - interval '25 hours' WHERE id = $1`,
      [conversation.id],
    );

    // The page still counts down from what it knew: the server refuses the free text, and the
    // composer switches to templates at once, keeping the refused text on screen as failed.
    const late = 'Are you still there?';
    await ui.page.fill('[data-testid=composer-input]', late);
    await ui.page.press('[data-testid=composer-input]', 'Enter');
    await ui.page.waitForSelector('[data-testid=template-composer]');
    await ui
      .timelineMessage(late)
      .locator('[data-testid=delivery-status][data-status=failed]')
      .waitFor();
    expect(account.messages.some((m) => m.body === late)).toBe(false);

    // A fresh page learns the closing time from the server.
    await ui.page.reload();
    await ui.waitForConnection('live');
    await ui.waitForConversation('Ana Costa');
    const countdown = ui.page.locator('[data-testid=reply-window]');
    await waitUntil(
      async () => (await countdown.textContent()) === 'Reply window closed',
      async () => `header says ${await countdown.textContent()}`,
    );
    expect(await ui.page.textContent('[data-testid=window-closed-notice]')).toBe(
      'WhatsApp allows free-form replies only within 24 hours of the customer’s last message. Send an approved template:',
    );
    expect(await ui.page.$('[data-testid=composer-input]')).toBeNull();

    // Approved first; the pending one is listed, with its status, but cannot be chosen.
    const options = ui.page.locator('[data-testid=template-option]');
    await options.first().waitFor();
    expect(
      await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-approval'))),
    ).toEqual(['approved', 'pending']);
    expect(await options.nth(1).locator('input').isDisabled()).toBe(true);
    expect(await options.nth(1).textContent()).toContain('Waiting for approval');

    await ui.page.getByRole('radio', { name: /order_update/ }).check();
    const send = ui.page.locator('[data-testid=template-send]');
    expect(await send.isDisabled()).toBe(true);
    await ui.page.getByLabel('Value for {{1}}').fill('Ana');
    const body = 'Hi Ana, your order has an update. Reply to continue.';
    expect(await ui.page.textContent('[data-testid=template-preview]')).toBe(body);
    await ui.screenshot('whatsapp-template-picker');
    expect(await send.isDisabled()).toBe(false);
    await send.click();

    await account.waitFor((a) => a.messages.some((m) => m.contentSid === APPROVED));
    const viaTwilio = account.messages.find((m) => m.contentSid === APPROVED);
    expect(viaTwilio).toMatchObject({
      from: SENDER,
      to: ANA,
      contentVariables: { '1': 'Ana' },
      body,
    });
    const shown = ui.timelineMessage(body);
    await shown.locator('[data-testid=message-template]').waitFor();
    await shown.locator('[data-testid=delivery-status]:not([data-status=failed])').waitFor();
    await ui.screenshot('whatsapp-template-sent');

    // The customer answers: the window reopens live, and the text box is back.
    await account.customerSays(ANA, SENDER, 'Thanks, see you Friday!');
    await ui.page.waitForSelector('[data-testid=reply-window][data-state=open]');
    expect(await countdown.textContent()).toMatch(/^Reply window: (24 h|23 h 59 min) left$/);
    await ui.page.waitForSelector('[data-testid=composer-input]');
    expect(await ui.page.$('[data-testid=template-composer]')).toBeNull();
    expect(await ui.page.textContent('[data-testid=reply-window-announcement]')).toBe(
      'Reply window open again',
    );
  });
});
