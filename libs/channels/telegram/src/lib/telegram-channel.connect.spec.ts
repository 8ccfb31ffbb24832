import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ChannelError,
  type InboundEvent,
  type InboxContext,
  type WebhookRequest,
} from '@switchboard/channels-core';
import { FakeBotApi, type FakeBot } from '@switchboard/testing';
import { TelegramChannelAdapter } from './telegram-channel.adapter';
import type { TelegramSecrets, TelegramSettings } from './telegram.schemas';

type Ctx = InboxContext<TelegramSettings, TelegramSecrets>;

let fake: FakeBotApi;
let tokenCounter = 800_000;

beforeAll(async () => {
  fake = await FakeBotApi.start();
});
afterAll(() => fake.stop());

function newBot(): FakeBot {
  const token = `${++tokenCounter}:AAConnectSpecToken_abcdefghijk`;
  return fake.addBot({ token, username: `bot${tokenCounter}_bot`, firstName: 'Acme' });
}

function ctx(bot: FakeBot, publicUrl: string, secrets: Partial<TelegramSecrets> = {}): Ctx {
  return {
    inboxId: 'inbox-7',
    settings: {},
    secrets: { botToken: bot.token, ...secrets },
    publicUrl,
  };
}

async function connectError(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ChannelError))
    throw new Error(`expected a ChannelError, got ${String(error)}`);
  return error;
}

describe('TelegramChannelAdapter.connect', () => {
  const adapter = () => new TelegramChannelAdapter({ apiRoot: fake.apiRoot });

  it('registers a webhook with a random secret when the public URL is https', async () => {
    const bot = newBot();
    const context = ctx(bot, 'https://support.example.com/');
    const result = await adapter().connect(context, null);
    expect(result.settings).toEqual({
      botId: bot.id,
      botUsername: bot.username,
      botName: 'Acme',
      delivery: 'webhook',
    });
    const secret = result.secrets?.webhookSecret ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bot.webhook).toEqual({
      url: 'https://support.example.com/api/webhooks/inbox-7',
      secretToken: secret,
      allowedUpdates: ['message', 'edited_message', 'my_chat_member', 'callback_query'],
    });

    // Saving again with the same token keeps the secret; a new token gets a new one, and the old
    // bot's webhook is removed.
    const again = await adapter().connect(
      { ...context, secrets: { ...context.secrets, ...result.secrets } },
      context,
    );
    expect(again.secrets?.webhookSecret).toBe(secret);
    const replacement = newBot();
    const moved = await adapter().connect(
      ctx(replacement, 'https://support.example.com', { webhookSecret: secret }),
      { ...context, secrets: { ...context.secrets, webhookSecret: secret } },
    );
    expect(moved.secrets?.webhookSecret).not.toBe(secret);
    expect(bot.webhook).toBeNull();
    expect(replacement.webhook?.secretToken).toBe(moved.secrets?.webhookSecret);

    await adapter().disconnect(ctx(replacement, 'https://support.example.com'));
    expect(replacement.webhook).toBeNull();
  });

  it('uses long polling without a public https URL', async () => {
    const bot = newBot();
    const result = await adapter().connect(ctx(bot, 'http://localhost:3000'), null);
    expect(result.settings?.delivery).toBe('polling');
    expect(bot.webhook).toBeNull();
    expect(bot.callCount('deleteWebhook')).toBe(1);
  });

  it('refuses a token Telegram rejects, saying why', async () => {
    const revoked = newBot();
    revoked.revoke();
    const error = await connectError(adapter().connect(ctx(revoked, 'https://x.example'), null));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe('Telegram rejected the bot token (401 Unauthorized)');

    const unknown: Ctx = {
      inboxId: 'i',
      settings: {},
      secrets: { botToken: '1:AAunknown-token-for-the-fake-x' },
      publicUrl: 'https://x.example',
    };
    expect((await connectError(adapter().connect(unknown, null))).code).toBe('AUTH_FAILED');
  });

  it("passes on Telegram's reason when the webhook cannot be set", async () => {
    const bot = newBot();
    bot.failNext('setWebhook', {
      error_code: 400,
      description: 'Bad Request: bad webhook: Failed to resolve host',
    });
    const error = await connectError(adapter().connect(ctx(bot, 'https://nowhere.invalid'), null));
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'Telegram refused: Bad Request: bad webhook: Failed to resolve host',
    });
  });

  it('ignores a revoked token on disconnect', async () => {
    const bot = newBot();
    bot.revoke();
    await expect(adapter().disconnect(ctx(bot, 'https://x.example'))).resolves.toBeUndefined();
  });
});

describe('webhook delivery from the fake, verified and parsed by the adapter', () => {
  let server: Server;
  let received: { verified: boolean; events: InboundEvent[] }[];

  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('accepts what Telegram posts with the secret, and nothing without it', async () => {
    const bot = newBot();
    const adapter = new TelegramChannelAdapter({ apiRoot: fake.apiRoot, delivery: 'webhook' });
    let context: Ctx | null = null;
    received = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request: WebhookRequest = {
          method: req.method ?? 'POST',
          url: req.url ?? '/',
          headers: Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
          ),
          rawBody: Buffer.concat(chunks),
        };
        const verified = context !== null && adapter.verifyWebhook(request, context);
        received.push({
          verified,
          events: verified && context ? adapter.parseInbound(request) : [],
        });
        res.writeHead(verified ? 200 : 401).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const initial = ctx(bot, base);
    const result = await adapter.connect(initial, null);
    context = { ...initial, secrets: { ...initial.secrets, ...result.secrets } };

    await bot.privateText(
      { id: 31, first_name: 'Webhook', username: 'hooked' },
      'hello over webhook',
    );
    await bot.waitFor(() => received.length >= 1);
    expect(received[0].verified).toBe(true);
    expect(received[0].events).toMatchObject([
      { type: 'message', externalId: '31:1', text: 'hello over webhook' },
    ]);

    // The same request with another secret is refused.
    const forged: WebhookRequest = {
      method: 'POST',
      url: '/',
      headers: { 'x-telegram-bot-api-secret-token': 'nope' },
      rawBody: Buffer.from('{}'),
    };
    expect(adapter.verifyWebhook(forged, context)).toBe(false);
    await adapter.disconnect(context);
  });
});

describe('TelegramChannelAdapter.pollUpdates', () => {
  const adapter = () => new TelegramChannelAdapter({ apiRoot: fake.apiRoot, delivery: 'polling' });

  it('long-polls updates with offset semantics', async () => {
    const bot = newBot();
    const context = ctx(bot, 'http://localhost');
    await adapter().connect(context, null);
    const customer = { id: 77, first_name: 'Poll', language_code: 'pt-br' };
    await bot.privateText(customer, 'first');
    await bot.privateText(customer, 'second');
    const batch = await adapter().pollUpdates(context, { offset: 0, timeoutSeconds: 0 });
    expect(batch.map((u) => u.events[0])).toMatchObject([
      { type: 'message', text: 'first', sender: { language: 'pt-br' } },
      { type: 'message', text: 'second' },
    ]);
    const next = batch[batch.length - 1].updateId + 1;

    // A long poll wakes up as soon as the customer writes.
    const waiting = adapter().pollUpdates(context, { offset: next, timeoutSeconds: 5 });
    await bot.waitFor((b) => b.activePolls === 1);
    await bot.privateText(customer, 'third');
    const woken = await waiting;
    expect(woken.map((u) => u.events[0])).toMatchObject([{ text: 'third' }]);
    // Confirmed updates are gone.
    expect(
      await adapter().pollUpdates(context, { offset: woken[0].updateId + 1, timeoutSeconds: 0 }),
    ).toEqual([]);
  });

  it('ends quietly when aborted, and reports conflicts and revoked tokens as channel errors', async () => {
    const bot = newBot();
    const context = ctx(bot, 'http://localhost');
    const abort = new AbortController();
    const waiting = adapter().pollUpdates(context, {
      offset: 0,
      timeoutSeconds: 5,
      signal: abort.signal,
    });
    await bot.waitFor((b) => b.activePolls === 1);
    abort.abort();
    await expect(waiting).resolves.toEqual([]);

    await new TelegramChannelAdapter({ apiRoot: fake.apiRoot, delivery: 'webhook' }).connect(
      ctx(bot, 'https://x.example'),
      null,
    );
    const conflict = await connectError(
      adapter().pollUpdates(context, { offset: 0, timeoutSeconds: 0 }),
    );
    expect(conflict.code).toBe('UNAVAILABLE');
    expect(conflict.message).toContain('webhook is active');

    bot.revoke();
    const denied = await connectError(
      adapter().pollUpdates(context, { offset: 0, timeoutSeconds: 0 }),
    );
    expect(denied.code).toBe('AUTH_FAILED');
  });
});
