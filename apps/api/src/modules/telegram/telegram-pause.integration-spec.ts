import type { InboxDto } from '@switchboard/contracts';
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
import { MessageEntity } from '../messages/entities/message.entity';
import { TelegramPollerService } from './telegram-poller.service';
import { botToken, connectTelegram, conversationOf, customer } from './testing/telegram-test-kit';

/**
 * A long-polled bot is an inbox we pull from, so it can be paused: the poll loop stops at once
 * (not at the next rescan), Telegram keeps the updates, and they arrive when it is resumed.
 */
describe('Telegram long polling: pause and resume', () => {
  let db: TestDatabase;
  let fake: FakeBotApi;
  let bot: FakeBot;
  let api: TestApi;
  let admin: ApiClient;

  const polling = () => api.app.get(TelegramPollerService).polling;

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await FakeBotApi.start();
    bot = fake.addBot({ token: botToken(8101), username: 'paused_bot', firstName: 'Paused' });
    api = await startTestApi({
      databaseUrl: db.url,
      env: {
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_DELIVERY: 'auto',
        TELEGRAM_POLL_TIMEOUT_SECONDS: '1',
        // Only the lifecycle signal can stop or start the loop within the test.
        TELEGRAM_POLL_RESCAN_MS: '600000',
      },
    });
    admin = (await loginAs(api.baseUrl)).client;
  });

  afterAll(async () => {
    await api?.close();
    await fake?.stop();
    await db?.drop();
  });

  it('stops polling while paused and delivers what waited once resumed', async () => {
    const created = await connectTelegram(admin, botToken(8101));
    const inbox = created.body;
    expect(inbox).toMatchObject({ pausable: true, pausedAt: null });
    // The loop of a new bot starts at the next rescan; resuming announces it at once.
    await admin.ok('POST', `/api/inboxes/${inbox.id}/resume`);
    await eventually(async () => polling().includes(inbox.id), 10_000);

    const paused = await admin.ok<InboxDto>('POST', `/api/inboxes/${inbox.id}/pause`);
    expect(paused.pausedAt).not.toBeNull();
    await eventually(async () => !polling().includes(inbox.id), 10_000);
    await bot.privateText(customer(701, 'Pia'), 'Are you there?');
    await new Promise((r) => setTimeout(r, 2_500));
    expect(
      await api.dataSource.getRepository(MessageEntity).countBy({ text: 'Are you there?' }),
    ).toBe(0);

    await admin.ok('POST', `/api/inboxes/${inbox.id}/resume`);
    await conversationOf(admin, 'Pia Tester');
    expect(
      await api.dataSource.getRepository(MessageEntity).countBy({ text: 'Are you there?' }),
    ).toBe(1);
  });
});
