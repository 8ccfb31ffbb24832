import type { InboxContext, OutboundAttachment, OutboundMessage } from '@switchboard/channels-core';
import {
  FakeBotApi,
  type FakeBot,
  type FakeTelegramChat,
  type FakeTelegramUser,
} from '@switchboard/testing';
import { parseUpdate } from './inbound/parse-update';
import { TelegramChannelAdapter } from './telegram-channel.adapter';
import type { TelegramSecrets, TelegramSettings } from './telegram.schemas';

const TOKEN = '700200:AASendSpecToken_abcdefghijklmnop';

let fake: FakeBotApi;
let bot: FakeBot;
let adapter: TelegramChannelAdapter;
let nextUserId = 9000;

const ctx = (token = TOKEN): InboxContext<TelegramSettings, TelegramSecrets> => ({
  inboxId: 'inbox-send',
  settings: {},
  secrets: { botToken: token, webhookSecret: 'secret' },
  publicUrl: 'http://127.0.0.1',
});

function message(
  chatId: number,
  text: string,
  extra: Partial<OutboundMessage> = {},
): OutboundMessage {
  return {
    idempotencyKey: `key-${Math.random()}`,
    conversation: { id: 'c', number: 1, subject: null, threadExternalIds: [] },
    recipient: { externalId: String(chatId), name: null, email: null, phone: null },
    sender: { name: 'Operator' },
    text,
    html: null,
    attachments: [],
    ...extra,
  };
}

function attachment(filename: string, contentType: string, bytes: Buffer): OutboundAttachment {
  return {
    filename,
    contentType,
    size: bytes.length,
    read: async () => bytes,
    signedUrl: () => 'https://switchboard.test/api/files/f/signed',
  };
}

/** A customer who has written to the bot, so Telegram knows their chat. */
async function newCustomer(): Promise<FakeTelegramUser> {
  const user = { id: ++nextUserId, first_name: `Customer ${nextUserId}` };
  await bot.privateText(user, 'hello');
  return user;
}

// The fake and the adapter keep the same limits (faster per chat than Telegram's 1/s, to keep the
// spec short); the fake counts every send that breaks them, and there must be none.
const limits = { perChatPerSecond: 10, perGroupPerMinute: 20, perBotPerSecond: 30 };

beforeAll(async () => {
  fake = await FakeBotApi.start({ limits: { ...limits, retryAfterSeconds: 1 } });
  bot = fake.addBot({ token: TOKEN, username: 'acme_support_bot', firstName: 'Acme' });
  adapter = new TelegramChannelAdapter({ apiRoot: fake.apiRoot, rateLimits: limits });
});

afterAll(async () => {
  expect(bot.rateLimitViolations).toBe(0);
  await fake.stop();
});

describe('TelegramChannelAdapter.send', () => {
  it('answers the customer message the operator replied to', async () => {
    const user = await newCustomer();
    const question = await bot.privateText(user, 'Where is my order?');
    const questionId = (question.message as { message_id: number }).message_id;
    const result = await adapter.send(
      message(user.id, 'On its way!', { replyTo: { externalId: `${user.id}:${questionId}` } }),
      ctx(),
    );
    expect(result.ok).toBe(true);
    const [sent] = bot.sentTo(user.id);
    expect(sent).toMatchObject({
      method: 'sendMessage',
      chatId: user.id,
      replyToMessageId: questionId,
      text: 'On its way!',
    });
    if (result.ok) expect(result.externalId).toBe(`${user.id}:${sent.messageId}`);
  });

  it('keeps special characters intact and formats light Markdown', async () => {
    const user = await newCustomer();
    const literal = 'Use <b>, *, & and _ freely: a*b, 2 < 3 && x_y > 1, 5 * 3 = 15 & <script>';
    expect((await adapter.send(message(user.id, literal), ctx())).ok).toBe(true);
    expect(
      (await adapter.send(message(user.id, 'This is **important** and _urgent_'), ctx())).ok,
    ).toBe(true);
    const [plain, formatted] = bot.sentTo(user.id);
    expect(plain).toMatchObject({ text: literal, parseMode: 'HTML' });
    expect(formatted.text).toBe('This is important and urgent');
    expect(formatted.rawText).toBe('This is <b>important</b> and <i>urgent</i>');
  });

  it("sends 6,000 characters as two ordered messages, at Telegram's pace for a chat", async () => {
    // Telegram's real limits here, in both the fake and the adapter (its defaults).
    const paced = await FakeBotApi.start();
    const pacedBot = paced.addBot({
      token: TOKEN,
      username: 'acme_support_bot',
      firstName: 'Acme',
    });
    const user = { id: ++nextUserId, first_name: 'Patient' };
    await pacedBot.privateText(user, 'tell me everything');
    const pacedAdapter = new TelegramChannelAdapter({ apiRoot: paced.apiRoot });
    const first = `${'First paragraph sentence. '.repeat(115)}`.trim();
    const second = `${'Second paragraph sentence. '.repeat(110)}`.trim();
    const text = `${first}\n\n${second}`;
    expect(text.length).toBeGreaterThan(5900);
    try {
      const result = await pacedAdapter.send(message(user.id, text), ctx());
      const parts = pacedBot.sentTo(user.id);
      expect(parts.map((p) => p.text)).toEqual([first, second]);
      expect(parts[1].at - parts[0].at).toBeGreaterThanOrEqual(1000);
      expect(pacedBot.rateLimitViolations).toBe(0);
      if (result.ok) expect(result.externalId).toBe(`${user.id}:${parts[0].messageId}`);
    } finally {
      await paced.stop();
    }
  });

  it('uploads a photo with its caption, and other files as documents', async () => {
    const user = await newCustomer();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const pdf = Buffer.from('%PDF-1.4 fake');
    await adapter.send(
      message(user.id, 'Here *it* is', {
        attachments: [attachment('label.png', 'image/png', png)],
      }),
      ctx(),
    );
    await adapter.send(
      message(user.id, 'Two files', {
        attachments: [
          attachment('a.pdf', 'application/pdf', pdf),
          attachment('b.png', 'image/png', png),
        ],
      }),
      ctx(),
    );
    const sent = bot.sentTo(user.id);
    expect(sent.map((s) => s.method)).toEqual([
      'sendPhoto',
      'sendMessage',
      'sendDocument',
      'sendPhoto',
    ]);
    expect(sent[0].text).toBe('Here it is');
    expect(sent[0].files).toHaveLength(1);
    expect(sent[0].files[0].bytes.equals(png)).toBe(true);
    expect(sent[2].files[0]).toMatchObject({ filename: 'a.pdf' });
    expect(sent[2].files[0].bytes.equals(pdf)).toBe(true);
    expect(sent.flatMap((s) => s.fileIds)).toEqual([]);
  });

  it('rides out a storm of 429s with nothing lost or reordered', async () => {
    const user = await newCustomer();
    bot.failNext(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
      2,
    );
    const results = await Promise.all(
      ['one', 'two', 'three'].map((t) => adapter.send(message(user.id, t), ctx())),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(bot.sentTo(user.id).map((s) => s.text)).toEqual(['one', 'two', 'three']);
  });

  it('gives up with RATE_LIMITED when Telegram asks for a longer wait than allowed', async () => {
    const user = await newCustomer();
    const impatient = new TelegramChannelAdapter({
      apiRoot: fake.apiRoot,
      rateLimits: limits,
      maxThrottleWaitMs: 500,
    });
    bot.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      retry_after: 3,
    });
    const result = await impatient.send(message(user.id, 'later'), ctx());
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', retryAfterMs: 3000 },
    });
    expect(bot.sentTo(user.id)).toHaveLength(0);
  });

  it('resumes a retried send after the parts Telegram already accepted', async () => {
    const user = await newCustomer();
    const pdf = Buffer.from('%PDF-1.4');
    const msg = message(user.id, 'Your documents', {
      attachments: [
        attachment('one.pdf', 'application/pdf', pdf),
        attachment('two.pdf', 'application/pdf', pdf),
      ],
    });
    bot.failNext('sendDocument', { error_code: 502, description: 'Bad Gateway' });
    const failed = await adapter.send(msg, ctx());
    expect(failed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const retried = await adapter.send(msg, ctx());
    const again = await adapter.send(msg, ctx());
    expect(retried.ok && again.ok).toBe(true);
    expect(bot.sentTo(user.id).map((s) => s.text ?? s.files[0]?.filename)).toEqual([
      'Your documents',
      'one.pdf',
      'two.pdf',
    ]);
    if (retried.ok && again.ok) expect(again.externalId).toBe(retried.externalId);
    // An operator's deliberate resend goes out again.
    expect((await adapter.send({ ...msg, deliberateResend: true }, ctx())).ok).toBe(true);
    expect(bot.sentTo(user.id)).toHaveLength(6);
  });

  it('sends to a group, paced for groups', async () => {
    const member = { id: ++nextUserId, first_name: 'Member' };
    const group: FakeTelegramChat = { id: -100777, type: 'supergroup', title: 'Customers' };
    await bot.groupText(group, member, 'hi bot');
    const result = await adapter.send(message(group.id, 'Hello group'), ctx());
    expect(result.ok).toBe(true);
    expect(bot.sentTo(group.id).map((s) => s.text)).toEqual(['Hello group']);
  });

  it('reports a blocked customer, an unknown chat and a revoked token without the token', async () => {
    const user = await newCustomer();
    await bot.blockedBy(user);
    const blocked = await adapter.send(message(user.id, 'hello?'), ctx());
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'INVALID_RECIPIENT', message: 'Forbidden: bot was blocked by the user' },
    });
    const unknown = await adapter.send(message(424242, 'anyone?'), ctx());
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_RECIPIENT' } });

    const revokedToken = '700201:AARevokedToken_abcdefghijklmnop';
    const revoked = fake.addBot({ token: revokedToken, username: 'old_bot', firstName: 'Old' });
    await revoked.privateText(user, 'hi');
    revoked.revoke();
    const denied = await adapter.send(message(user.id, 'hello'), ctx(revokedToken));
    expect(denied).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED', message: 'Telegram rejected the bot token (401 Unauthorized)' },
    });
    for (const r of [blocked, unknown, denied])
      if (!r.ok) expect(r.error.message).not.toContain(revokedToken.split(':')[1]);
  });

  it('shows "typing…" and never fails for it', async () => {
    const user = await newCustomer();
    await adapter.sendTyping(
      { externalId: String(user.id), name: null, email: null, phone: null },
      ctx(),
    );
    expect(bot.chatActions).toContainEqual(
      expect.objectContaining({ chatId: user.id, action: 'typing' }),
    );
    await expect(
      adapter.sendTyping(
        { externalId: '31337', name: null, email: null, phone: null },
        ctx('1:AAnot-a-known-bot-token-xxxxx'),
      ),
    ).resolves.toBeUndefined();
  });
});

describe('TelegramChannelAdapter.fetchAttachment', () => {
  it('downloads a customer photo through getFile', async () => {
    const user = await newCustomer();
    const bytes = Buffer.from('ffd8ffe000104a464946', 'hex');
    const update = await bot.photo(user, user, bytes, { caption: 'see' });
    const [event] = parseUpdate(update);
    if (event.type !== 'message') throw new Error('expected a message');
    const file = event.attachments?.[0];
    if (!file || !('remote' in file)) throw new Error('expected a remote file');
    const result = await adapter.fetchAttachment(file.remote.ref, ctx());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.content.equals(bytes)).toBe(true);
  });

  it('says a file over the 20 MB download limit is too large', async () => {
    const user = await newCustomer();
    const update = await bot.document(user, user, Buffer.from('tiny'), {
      fileName: 'huge.zip',
      mimeType: 'application/zip',
      announcedSize: 25 * 1024 * 1024,
    });
    const [event] = parseUpdate(update);
    if (event.type !== 'message') throw new Error('expected a message');
    const file = event.attachments?.[0];
    if (!file || !('remote' in file)) throw new Error('expected a remote file');
    expect(file.remote.size).toBe(25 * 1024 * 1024);
    const result = await adapter.fetchAttachment(file.remote.ref, ctx());
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: 'File too large to fetch from Telegram (bots may download files up to 20 MB)',
      },
    });
  });

  it('refuses a download that streams more than the cap', async () => {
    const user = await newCustomer();
    const update = await bot.document(user, user, Buffer.alloc(4096, 1), {
      fileName: 'f.bin',
      mimeType: 'application/octet-stream',
    });
    const [event] = parseUpdate(update);
    if (event.type !== 'message' || !event.attachments?.[0] || !('remote' in event.attachments[0]))
      throw new Error('expected a remote file');
    const { downloadTelegramFile } = await import('./inbound/file-download');
    const { Api } = await import('grammy');
    const result = await downloadTelegramFile(
      new Api(TOKEN, { apiRoot: fake.apiRoot }),
      fake.apiRoot,
      TOKEN,
      event.attachments[0].remote.ref,
      1000,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });
});
