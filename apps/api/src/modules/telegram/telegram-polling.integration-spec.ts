import type { InboxDto, MessageDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  FakeBotApi,
  loginAs,
  startTestApi,
  type ApiClient,
  type FakeBot,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { TelegramPollerService } from './telegram-poller.service';
import {
  botToken,
  connectTelegram,
  conversationOf,
  customer,
  timelineWhen,
} from './testing/telegram-test-kit';

/**
 * Without a public https URL (a laptop, `npm start`) bots are long-polled: end to end, by exactly
 * one of two API instances, and by the other once the first is gone.
 */
describe('Telegram channel through long polling', () => {
  let db: TestDatabase;
  let fake: FakeBotApi;
  let bot: FakeBot;
  let first: TestApi;
  let second: TestApi;
  let admin: ApiClient;
  let inbox: InboxDto;

  const env = (apiRoot: string) => ({
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_DELIVERY: 'auto',
    TELEGRAM_POLL_TIMEOUT_SECONDS: '1',
    TELEGRAM_POLL_RESCAN_MS: '200',
  });
  const pollers = (api: TestApi) => api.app.get(TelegramPollerService).polling;

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await FakeBotApi.start();
    bot = fake.addBot({ token: botToken(8001), username: 'laptop_bot', firstName: 'Laptop' });
    first = await startTestApi({ databaseUrl: db.url, env: env(fake.apiRoot) });
    second = await startTestApi({ databaseUrl: db.url, env: env(fake.apiRoot) });
    admin = (await loginAs(first.baseUrl)).client;
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await fake?.stop();
    await db?.drop();
  });

  it('polls an http-only installation end to end, with one instance polling at a time', async () => {
    const created = await connectTelegram(admin, botToken(8001));
    expect(created.status).toBe(201);
    inbox = created.body;
    expect(inbox.settings).toMatchObject({ delivery: 'polling', botUsername: 'laptop_bot' });
    expect(bot.webhook).toBeNull();

    await eventually(async () => pollers(first).length + pollers(second).length === 1, 10_000);
    await bot.privateText(customer(601, 'Erin'), 'Hi from my phone');
    const conv = await conversationOf(admin, 'Erin Tester');
    await timelineWhen(admin, conv.id, (m) => m.some((x) => x.text === 'Hi from my phone'));

    // Several polls later, still exactly one poller and never a getUpdates conflict.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(pollers(first).length + pollers(second).length).toBe(1);
    expect(bot.pollConflicts).toBe(0);

    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Hello Erin!',
    });
    expect(reply.text).toBe('Hello Erin!');
    await bot.waitFor((b) => b.sentTo(601).some((s) => s.text === 'Hello Erin!'));
  });

  it('hands polling over when the polling instance stops, losing and repeating nothing', async () => {
    const [holder, other] = pollers(first).length === 1 ? [first, second] : [second, first];
    if (holder === first) admin = (await loginAs(second.baseUrl)).client;
    await holder.close();
    await bot.privateText(customer(602, 'Frank'), 'Anyone there?');
    await eventually(async () => pollers(other).length === 1, 10_000);
    const conv = await conversationOf(admin, 'Frank Tester');
    const messages = await timelineWhen(admin, conv.id, (m) => m.length === 1);
    expect(messages[0]!.text).toBe('Anyone there?');
    // Erin's message was not read again into a second copy.
    const erin = await conversationOf(admin, 'Erin Tester');
    await new Promise((r) => setTimeout(r, 500));
    const erinMessages = await timelineWhen(admin, erin.id, () => true);
    expect(erinMessages.filter((m) => m.direction === 'incoming')).toHaveLength(1);
    if (holder === first) first = second;
    second = undefined as unknown as TestApi;
  });

  it('stops polling a revoked bot and shows why on the inbox', async () => {
    bot.revoke();
    const broken = await eventually(async () => {
      const dto = await admin.ok<InboxDto>('GET', `/api/inboxes/${inbox.id}`);
      return dto.connectionError ? dto : null;
    }, 10_000);
    expect(broken.connectionError).toMatch(/rejected the bot token/);
    expect(broken.connectionError).not.toContain('A'.repeat(35));
    await eventually(async () => pollers(first).length === 0, 5_000);
    const calls = bot.callCount('getUpdates');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(bot.callCount('getUpdates')).toBe(calls);
  });
});
