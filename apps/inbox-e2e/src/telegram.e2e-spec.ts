import type { InboxDto } from '@switchboard/contracts';
import { FakeBotApi, type FakeBot, type FakeTelegramUser } from '@switchboard/testing';
import { InboxHarness } from './support/inbox-harness';
import type { InboxPage } from './support/inbox-page';

/** Tokens in BotFather's shape: `<bot id>:<35 characters>`. */
const GOOD_TOKEN = `7001:${'A'.repeat(35)}`;
const UNKNOWN_TOKEN = `9999:${'Z'.repeat(35)}`;

const alice: FakeTelegramUser = {
  id: 501,
  first_name: 'Alice',
  last_name: 'Tester',
  username: 'alice_tg',
  language_code: 'de',
};

/**
 * Telegram through the browser: the admin connects a bot in the settings screen against the fake
 * Bot API (the real API talks to it through grammY), a customer writes by webhook, and the operator
 * answers that very message.
 */
describe('inbox: Telegram', () => {
  let fake: FakeBotApi;
  let bot: FakeBot;
  let h: InboxHarness;
  let ui: InboxPage;

  beforeAll(async () => {
    fake = await FakeBotApi.start();
    bot = fake.addBot({ token: GOOD_TOKEN, username: 'acme_help_bot', firstName: 'Acme Help' });
    h = await InboxHarness.start({
      env: { TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_DELIVERY: 'webhook' },
    });
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

  it('connects a bot in the settings: a refused token says why, the right one shows the bot', async () => {
    await ui.toggleSettings(true);
    await ui.page.click('[data-testid=settings-new-telegram]');
    await ui.page.fill('#inbox-field-name', 'Acme on Telegram');
    await ui.page.fill('#inbox-secret-botToken', UNKNOWN_TOKEN);
    await ui.page.click('[data-testid=inbox-form-submit]');
    const error = await ui.page.waitForSelector('[data-testid=inbox-form-error]');
    expect(await error.textContent()).toBe(
      'Could not save: Telegram rejected the bot token (401 Unauthorized)',
    );

    await ui.page.fill('#inbox-secret-botToken', GOOD_TOKEN);
    await ui.page.click('[data-testid=inbox-form-submit]');
    const name = await ui.page.waitForSelector('[data-testid=telegram-bot-name]');
    expect(await name.textContent()).toBe('Acme Help');
    expect(await ui.page.textContent('[data-testid=telegram-bot-username]')).toBe('@acme_help_bot');
    const link = ui.page.locator('[data-testid=telegram-bot-link]');
    expect(await link.getAttribute('href')).toBe('https://t.me/acme_help_bot');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await ui.page.textContent('[data-testid=telegram-delivery]')).toBe('Webhook');
    expect(await ui.page.$('[data-testid=inbox-connection-error]')).toBeNull();
    // The token went to the server once, and stays there.
    expect(await ui.page.inputValue('#inbox-secret-botToken')).toBe('');
    expect(await ui.page.content()).not.toContain('A'.repeat(35));

    const inboxes = await h.admin.ok<InboxDto[]>('GET', '/api/inboxes');
    const telegram = inboxes.find((i) => i.kind === 'telegram');
    expect(bot.webhook?.url).toBe(`${h.api.baseUrl}/api/webhooks/${telegram?.id}`);
    await ui.page.$eval('[data-testid=settings-detail]', (el) => el.scrollTo(0, 0));
    await ui.screenshot('settings-telegram');
    await ui.toggleSettings(false);
  });

  it('answers the customer’s message as a Telegram reply, special characters intact', async () => {
    const update = await bot.privateText(alice, 'Hello, my order #42 is late');
    const question = (update['message'] as { message_id: number }).message_id;
    await ui.waitForFeed(['Alice Tester']);
    await ui.openRow('Alice Tester');
    expect(await ui.page.textContent('[data-testid=contact-identity]')).toBe(
      '@alice_tg · App language: German',
    );

    await ui.replyToMessage('Hello, my order #42 is late');
    expect(await ui.page.textContent('[data-testid=composer-replying-excerpt]')).toBe(
      'Hello, my order #42 is late',
    );
    const text = 'Price < 5 & > 3, a*b, <b>not bold</b> &amp; snake_case';
    await ui.page.fill('[data-testid=composer-input]', text);
    await ui.screenshot('telegram-replying');
    await ui.page.press('[data-testid=composer-input]', 'Enter');

    await bot.waitFor((b) =>
      b.sentTo(alice.id).some((m) => m.text === text && m.replyToMessageId === question),
    );
    const reply = ui.timelineMessage(text);
    await reply.locator('[data-testid=delivery-status][data-status=sent]').waitFor();
    expect(await reply.locator('[data-testid=message-reply-quote]').textContent()).toBe(
      'In reply to: Hello, my order #42 is late',
    );
    expect(await ui.page.$('[data-testid=composer-replying-to]')).toBeNull();
    expect(bot.sentTo(alice.id)).toHaveLength(1);
    await ui.screenshot('telegram-reply');
  });

  it('shows a file too large to fetch from Telegram with the reason, and no link', async () => {
    await bot.document(alice, alice, Buffer.from('x'), {
      fileName: 'huge.zip',
      mimeType: 'application/zip',
      announcedSize: 30 * 1024 * 1024,
    });
    // Announced first (pending), then settled live once the server gives up on the download.
    const missing = ui.page.locator('[data-testid=attachment-unavailable]');
    await missing.waitFor({ timeout: 15_000 });
    expect(await missing.textContent()).toMatch(/^huge\.zip .*too large/i);
    expect(await missing.locator('.attachment-list__name').textContent()).toBe('huge.zip');
    expect(await missing.locator('a').count()).toBe(0);
  });
});
