import { Api, Bot, GrammyError } from 'grammy';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeBotApi } from './fake-bot-api';
import type { FakeBot, FakeTelegramUser, Update } from './fake-bot-types';
import { telegramFixtures } from './telegram-fixtures';

const TOKEN = '7012345678:AAHfake-Secret_token';
const anna: FakeTelegramUser = { id: 111222333, first_name: 'Anna', username: 'anna_s' };

async function failure(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

/** A tiny webhook receiver on 127.0.0.1 whose answers the test scripts. */
async function startReceiver(statuses: number[] = []): Promise<{
  url: string;
  received: { headers: IncomingHttpHeaders; update: Update }[];
  close(): Promise<void>;
}> {
  const received: { headers: IncomingHttpHeaders; update: Update }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        update: JSON.parse(Buffer.concat(chunks).toString()) as Update,
      });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/inbox-1`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('FakeBotApi update delivery', () => {
  let fake: FakeBotApi;
  let bot: FakeBot;
  let api: Api;

  beforeEach(async () => {
    fake = await FakeBotApi.start({ webhookRetryDelayMs: 30 });
    bot = fake.addBot({ token: TOKEN, username: 'acme_support_bot', firstName: 'Acme Support' });
    api = new Api(TOKEN, { apiRoot: fake.apiRoot });
  });

  afterEach(() => fake.stop());

  it('keeps updates until getUpdates confirms them with a higher offset', async () => {
    const first = await bot.privateText(anna, 'one');
    const second = await bot.privateText(anna, 'two');
    const third = await bot.location(anna, anna, 52.52, 13.4);
    expect([second.update_id, third.update_id]).toEqual([first.update_id + 1, first.update_id + 2]);
    expect((await api.getUpdates()).map((u) => u.update_id)).toEqual(
      [first, second, third].map((u) => u.update_id),
    );
    expect(await api.getUpdates({ limit: 1 })).toHaveLength(1); // not confirmed yet
    expect((await api.getUpdates({ offset: second.update_id })).map((u) => u.update_id)).toEqual([
      second.update_id,
      third.update_id,
    ]);
    expect(await api.getUpdates({ offset: third.update_id + 1 })).toEqual([]);
    expect(bot.pendingUpdateCount).toBe(0);
  });

  it('holds a long poll open and answers as soon as an update arrives', async () => {
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 5 });
    await bot.waitFor((b) => b.activePolls === 1);
    expect(bot.activePollConnections).toBe(1);
    const update = await bot.privateText(anna, 'wake up');
    const updates = await poll;
    expect(updates.map((u) => u.update_id)).toEqual([update.update_id]);
    expect(updates[0].message?.text).toBe('wake up');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(bot.activePolls).toBe(0);
    // An empty long poll ends with [] after its timeout.
    await expect(api.getUpdates({ offset: update.update_id + 1, timeout: 1 })).resolves.toEqual([]);
  });

  it('ends the earlier of two concurrent polls with 409, and forgets a poll whose client left', async () => {
    const first = failure(api.getUpdates({ timeout: 5 }));
    await bot.waitFor((b) => b.activePolls === 1);
    const abort = new AbortController();
    // grammY types its signal with the abort-controller package; Node's AbortSignal works the same.
    const signal = abort.signal as Parameters<Api['getUpdates']>[1];
    const second = api.getUpdates({ timeout: 5 }, signal).catch(() => 'aborted');
    const conflict = await first;
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toBe(
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    expect(bot.pollConflicts).toBe(1);
    await bot.waitFor((b) => b.activePolls === 1);
    abort.abort();
    await expect(second).resolves.toBe('aborted');
    await bot.waitFor((b) => b.activePolls === 0);
    expect(bot.callCount('getUpdates')).toBe(2);
  });

  it("runs grammY's own polling loop, stops cleanly, and refuses a second instance with 409", async () => {
    const first = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
    const seen: string[] = [];
    first.on('message:text', (ctx) => {
      seen.push(ctx.message.text);
    });
    const running = first.start({ timeout: 5 });
    await bot.privateText(anna, 'hello bot');
    await bot.waitFor(() => seen.length === 1 && bot.activePolls === 1);
    expect(seen).toEqual(['hello bot']);

    const second = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
    second.catch(() => undefined);
    const secondRun = second.start({ timeout: 5 }).catch((error: GrammyError) => error);
    // The newer poll ends the older one: the first instance stops with 409.
    await expect(running).rejects.toMatchObject({ error_code: 409 });
    expect(bot.pollConflicts).toBe(1);
    await bot.waitFor((b) => b.activePolls === 1);
    await second.stop();
    await expect(secondRun).resolves.toBeUndefined();
    expect(bot.pollConflicts).toBe(1); // stop() aborting and confirming is no conflict
    expect(bot.activePolls).toBe(0);
    expect(bot.pendingUpdateCount).toBe(0);
  });

  it('delivers by webhook with the secret header, in order, retrying failures, and refuses getUpdates', async () => {
    const receiver = await startReceiver([500, 200]);
    try {
      await bot.privateText(anna, 'queued before the webhook');
      await api.setWebhook(receiver.url, {
        secret_token: 'S3cret_-token',
        allowed_updates: ['message', 'my_chat_member'],
      });
      expect(bot.webhook).toEqual({
        url: receiver.url,
        secretToken: 'S3cret_-token',
        allowedUpdates: ['message', 'my_chat_member'],
      });
      await bot.privateText(anna, 'after');
      await bot.waitFor((b) => b.pendingUpdateCount === 0 && receiver.received.length === 3);
      expect(receiver.received.map((r) => (r.update['message'] as { text: string }).text)).toEqual([
        'queued before the webhook', // answered 500
        'queued before the webhook', // retried
        'after',
      ]);
      expect(receiver.received[0].headers['x-telegram-bot-api-secret-token']).toBe('S3cret_-token');
      expect(receiver.received[0].headers['content-type']).toBe('application/json');
      expect(bot.webhookDeliveries).toBe(3);
      const info = await api.getWebhookInfo();
      expect(info).toMatchObject({
        url: receiver.url,
        pending_update_count: 0,
        allowed_updates: ['message', 'my_chat_member'],
      });
      expect(info.last_error_message).toMatch(/^Wrong response from the webhook: 500/);
      const refused = await failure(api.getUpdates());
      expect(refused.error_code).toBe(409);
      expect(refused.description).toMatch(/can't use getUpdates method while webhook is active/);
    } finally {
      await receiver.close();
    }
  });

  it('checks the secret token, and after deleteWebhook queues for getUpdates again', async () => {
    const bad = await failure(
      api.setWebhook('https://acme.test/hook', { secret_token: 'no spaces!' }),
    );
    expect(bad.description).toBe('Bad Request: secret token contains unallowed characters');
    expect((await failure(api.setWebhook('ftp://acme.test/hook'))).error_code).toBe(400);
    await api.setWebhook('http://127.0.0.1:9/unreachable');
    await bot.privateText(anna, 'held while the webhook fails');
    await bot.waitFor((b) => b.webhookDeliveries >= 1);
    expect((await api.getWebhookInfo()).last_error_message).toBe('Connection refused');
    await api.deleteWebhook();
    expect(bot.webhook).toBeNull();
    const updates = await api.getUpdates();
    expect(updates.map((u) => u.message?.text)).toEqual(['held while the webhook fails']);
  });

  it('runs a method call that comes back in the webhook answer', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ method: 'sendMessage', chat_id: anna.id, text: 'answered inline' }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await api.setWebhook(`http://127.0.0.1:${port}/hook`);
      await bot.privateText(anna, 'hi');
      await bot.waitFor((b) => b.sent.length === 1);
      expect(bot.sent[0]).toMatchObject({ chatId: anna.id, text: 'answered inline' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('filters by allowed_updates, but delivers raw updates and redeliveries as asked', async () => {
    await api.getUpdates({ allowed_updates: ['message'] });
    const blocked = await bot.blockedBy(anna); // my_chat_member: not asked for, never stored
    expect(blocked['my_chat_member']).toMatchObject({ new_chat_member: { status: 'kicked' } });
    const post = await bot.deliverRaw(telegramFixtures.channelPost);
    const text = await bot.privateText(anna, 'hello');
    let updates = await api.getUpdates({ offset: 0 });
    expect(updates.map((u) => u.update_id)).toEqual([post['update_id'], text.update_id]);
    await api.getUpdates({ offset: text.update_id + 1 });
    await bot.redeliver(text);
    updates = await api.getUpdates({ offset: text.update_id + 1 });
    expect(updates.map((u) => u.update_id)).toEqual([text.update_id]);
    expect((await failure(api.sendMessage(anna.id, 'hi'))).error_code).toBe(403);
  });

  it('produces edits later than the original, and keeps fixtures intact', async () => {
    const original = await bot.privateText(anna, 'typo');
    const edited = await bot.edit(original, 'fixed');
    const before = original['message'] as { message_id: number; date: number };
    const after = edited['edited_message'] as {
      message_id: number;
      edit_date: number;
      text: string;
    };
    expect(after.message_id).toBe(before.message_id);
    expect(after.text).toBe('fixed');
    expect(after.edit_date).toBeGreaterThan(before.date);

    const fixture = telegramFixtures.privateTextWithEntities;
    fixture['update_id'] = 1;
    expect(telegramFixtures.privateTextWithEntities.update_id).toBe(734000101);
    expect(Object.keys(telegramFixtures)).toHaveLength(12);
  });
});
