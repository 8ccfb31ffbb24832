import { Api, GrammyError, InputFile } from 'grammy';
import { FakeBotApi } from './fake-bot-api';
import type { FakeBot, FakeTelegramChat, FakeTelegramUser } from './fake-bot-types';

const TOKEN = '7012345678:AAHfake-Secret_token';
const anna: FakeTelegramUser = {
  id: 111222333,
  first_name: 'Anna',
  username: 'anna_s',
  language_code: 'de',
};
const bob: FakeTelegramUser = { id: 222333444, first_name: 'Bob' };
const group: FakeTelegramChat = { id: -1001987654321, type: 'supergroup', title: 'Acme Customers' };

/** The error a grammY call failed with (GrammyError carries Telegram's envelope). */
async function failure(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('FakeBotApi through the real grammY client', () => {
  let fake: FakeBotApi;
  let bot: FakeBot;
  let api: Api;

  beforeEach(async () => {
    fake = await FakeBotApi.start();
    bot = fake.addBot({ token: TOKEN, username: 'acme_support_bot', firstName: 'Acme Support' });
    api = new Api(TOKEN, { apiRoot: fake.apiRoot });
  });

  afterEach(() => fake.stop());

  it('answers getMe with the bot user', async () => {
    expect(fake.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(api.getMe()).resolves.toEqual({
      id: 7012345678,
      is_bot: true,
      first_name: 'Acme Support',
      username: 'acme_support_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    });
    expect(bot.callCount('getMe')).toBe(1);
  });

  it('parses HTML into visible text and entities, and records the message', async () => {
    await bot.privateText(anna, 'hello');
    const html = '<b>Hi</b> Anna &lt;3 <a href="https://acme.test/?a=1&amp;b=2">your order</a>';
    const message = await api.sendMessage(anna.id, html, { parse_mode: 'HTML' });
    expect(message.text).toBe('Hi Anna <3 your order');
    expect(message.entities).toEqual([
      { type: 'bold', offset: 0, length: 2 },
      { type: 'text_link', offset: 11, length: 10, url: 'https://acme.test/?a=1&b=2' },
    ]);
    expect(message.message_id).toBe(2);
    expect(bot.sentTo(anna.id)).toEqual([
      expect.objectContaining({
        method: 'sendMessage',
        text: 'Hi Anna <3 your order',
        rawText: html,
        parseMode: 'HTML',
        messageId: 2,
        replyToMessageId: null,
      }),
    ]);
  });

  it.each([
    ['HTML', 'a < b'],
    ['HTML', 'Tom & Jerry'],
    ['HTML', '<b>bold</i>'],
    ['HTML', '<b>never closed'],
    ['HTML', '<script>x</script>'],
    ['MarkdownV2', 'Thanks. Order #12'],
    ['MarkdownV2', '*bold never closed'],
  ])('refuses %s it cannot parse: %j', async (parseMode, text) => {
    await bot.privateText(anna, 'hello');
    const error = await failure(
      api.sendMessage(anna.id, text, { parse_mode: parseMode as 'HTML' }),
    );
    expect(error.error_code).toBe(400);
    expect(error.description).toMatch(/^Bad Request: can't parse entities: /);
    expect(bot.sent).toHaveLength(0);
  });

  it('names the reserved MarkdownV2 character', async () => {
    await bot.privateText(anna, 'hello');
    const error = await failure(api.sendMessage(anna.id, 'Done!', { parse_mode: 'MarkdownV2' }));
    expect(error.description).toBe(
      "Bad Request: can't parse entities: Character '!' is reserved and must be escaped with the preceding '\\'",
    );
    const ok = await api.sendMessage(anna.id, 'Done\\! *really*', { parse_mode: 'MarkdownV2' });
    expect(ok.text).toBe('Done! really');
  });

  it('counts the length after parsing, in UTF-16 units', async () => {
    await bot.privateText(anna, 'hello');
    const tooLong = await failure(api.sendMessage(anna.id, 'x'.repeat(4097)));
    expect(tooLong.description).toBe('Bad Request: message is too long');
    expect((await failure(api.sendMessage(anna.id, '😀'.repeat(2049)))).description).toBe(
      'Bad Request: message is too long',
    );
    const tags = await api.sendMessage(anna.id, `<b>${'x'.repeat(4096)}</b>`, {
      parse_mode: 'HTML',
    });
    expect(tags.text).toHaveLength(4096);
    expect((await failure(api.sendMessage(anna.id, ' '))).description).toBe(
      'Bad Request: message text is empty',
    );
  });

  it('refuses unknown chats, blocked users and replies to missing messages', async () => {
    expect((await failure(api.sendMessage(999, 'hi'))).description).toBe(
      'Bad Request: chat not found',
    );
    const update = await bot.privateText(anna, 'first');
    const replyTo = (update['message'] as { message_id: number }).message_id;
    const missing = await failure(
      api.sendMessage(anna.id, 'hi', { reply_parameters: { message_id: 99 } }),
    );
    expect(missing.description).toBe('Bad Request: message to be replied not found');
    const reply = await api.sendMessage(anna.id, 'answer', {
      reply_parameters: { message_id: replyTo },
    });
    expect(reply.reply_to_message?.text).toBe('first');
    expect(bot.sent[0].replyToMessageId).toBe(replyTo);

    bot.markBlocked(anna.id);
    const blocked = await failure(api.sendMessage(anna.id, 'hi'));
    expect(blocked.error_code).toBe(403);
    expect(blocked.description).toBe('Forbidden: bot was blocked by the user');
  });

  it('takes a multipart photo upload with its bytes, and serves it back through getFile', async () => {
    await bot.privateText(anna, 'send me the label');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    const message = await api.sendPhoto(anna.id, new InputFile(bytes, 'label März 1.jpg'), {
      caption: '<i>Your</i> label',
      parse_mode: 'HTML',
    });
    expect(message.caption).toBe('Your label');
    const [sent] = bot.sent;
    expect(sent).toMatchObject({
      method: 'sendPhoto',
      text: 'Your label',
      rawText: '<i>Your</i> label',
    });
    expect(sent.files).toEqual([
      {
        field: 'photo',
        filename: 'label März 1.jpg',
        contentType: 'application/octet-stream',
        bytes,
      },
    ]);
    const largest = message.photo?.[message.photo.length - 1];
    const file = await api.getFile(largest?.file_id ?? '');
    const download = await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('refuses a caption over 1024 characters and a missing file', async () => {
    await bot.privateText(anna, 'hello');
    const long = await failure(
      api.sendDocument(anna.id, new InputFile(Buffer.from('pdf'), 'a.pdf'), {
        caption: 'c'.repeat(1025),
      }),
    );
    expect(long.description).toBe('Bad Request: message caption is too long');
    const unknown = await failure(api.sendDocument(anna.id, 'BQACAgIAAxkBAAnotAfile'));
    expect(unknown.description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
  });

  it('sends a media group as one message per item with one media_group_id', async () => {
    await bot.privateText(anna, 'hello');
    const messages = await api.sendMediaGroup(anna.id, [
      { type: 'photo', media: new InputFile(Buffer.from('one'), 'one.jpg'), caption: 'both' },
      { type: 'photo', media: new InputFile(Buffer.from('two'), 'two.jpg') },
    ]);
    expect(messages).toHaveLength(2);
    expect(bot.sent.map((s) => [s.method, s.files[0].bytes.toString(), s.text])).toEqual([
      ['sendMediaGroup', 'one', 'both'],
      ['sendMediaGroup', 'two', null],
    ]);
    expect(bot.sent[0].mediaGroupId).toBe(
      (messages[1] as { media_group_id?: string }).media_group_id,
    );
    expect(bot.sent[0].mediaGroupId).toEqual(expect.any(String));
  });

  it('serves customer files by getFile, the largest photo size last, and refuses files over 20 MB', async () => {
    const bytes = Buffer.alloc(5000, 7);
    const update = await bot.photo(anna, anna, bytes, { caption: 'broken' });
    const photo = (
      update['message'] as { photo: { file_id: string; file_size: number; width: number }[] }
    ).photo;
    expect(photo).toHaveLength(3);
    expect(photo[0].file_size).toBeLessThan(photo[1].file_size);
    expect(photo[1].file_size).toBeLessThan(photo[2].file_size);
    expect(photo[2].width).toBeGreaterThan(photo[1].width);
    const file = await api.getFile(photo[2].file_id);
    expect(file.file_size).toBe(5000);
    const download = await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);

    const big = await bot.document(anna, anna, Buffer.from('%PDF'), {
      fileName: 'scan.pdf',
      mimeType: 'application/pdf',
      announcedSize: 25 * 1024 * 1024,
    });
    const document = (big['message'] as { document: { file_id: string; file_size: number } })
      .document;
    expect(document.file_size).toBe(25 * 1024 * 1024);
    expect((await failure(api.getFile(document.file_id))).description).toBe(
      'Bad Request: file is too big',
    );
    expect((await failure(api.getFile('nope'))).description).toBe('Bad Request: invalid file_id');
    expect((await fetch(`${fake.apiRoot}/file/bot${TOKEN}/documents/nope.pdf`)).status).toBe(404);
  });

  it('answers 429 with retry_after when a private chat gets a second message within a second', async () => {
    await bot.privateText(anna, 'hello');
    await bot.privateText(bob, 'hello');
    await api.sendMessage(anna.id, 'one');
    const limited = await failure(api.sendMessage(anna.id, 'two'));
    expect(limited.error_code).toBe(429);
    expect(limited.description).toBe('Too Many Requests: retry after 1');
    expect(limited.parameters.retry_after).toBe(1);
    expect(bot.rateLimitViolations).toBe(1);
    await api.sendMessage(bob.id, 'another chat is fine');
    await api.sendChatAction(anna.id, 'typing'); // chat actions are not rate-limited
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await api.sendMessage(anna.id, 'two, a second later');
    expect(bot.sentTo(anna.id).map((s) => s.text)).toEqual(['one', 'two, a second later']);
    expect(bot.chatActions).toEqual([
      expect.objectContaining({ chatId: anna.id, action: 'typing' }),
    ]);
  });

  it('limits groups per minute and the bot per second', async () => {
    await fake.stop();
    fake = await FakeBotApi.start({
      limits: { perGroupPerMinute: 2, perBotPerSecond: 3, retryAfterSeconds: 7 },
    });
    bot = fake.addBot({ token: TOKEN, username: 'acme_support_bot', firstName: 'Acme Support' });
    api = new Api(TOKEN, { apiRoot: fake.apiRoot });
    await bot.groupText(group, anna, 'hi all');
    await api.sendMessage(group.id, 'one');
    await api.sendMessage(group.id, 'two');
    expect((await failure(api.sendMessage(group.id, 'three'))).parameters.retry_after).toBe(7);
    await bot.privateText(bob, 'hello');
    await api.sendMessage(bob.id, 'third message this second');
    expect((await failure(api.sendMessage(bob.id, 'fourth'))).error_code).toBe(429);
    expect(bot.rateLimitViolations).toBe(2);
  });

  it('answers injected failures without counting them as violations', async () => {
    await bot.privateText(anna, 'hello');
    bot.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      retry_after: 3,
    });
    bot.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const first = await failure(api.sendMessage(anna.id, 'a'));
    expect([first.error_code, first.parameters.retry_after]).toEqual([429, 3]);
    expect((await failure(api.sendMessage(anna.id, 'a'))).error_code).toBe(502);
    await api.sendMessage(anna.id, 'a');
    expect(bot.rateLimitViolations).toBe(0);
    expect(bot.callCount('sendMessage')).toBe(3);
  });

  it('answers 401 once the token is revoked, for unknown tokens, and 404 for unknown methods', async () => {
    await api.getMe();
    bot.revoke();
    const revoked = await failure(api.getMe());
    expect([revoked.error_code, revoked.description]).toEqual([401, 'Unauthorized']);
    const stranger = await failure(new Api('1:nope', { apiRoot: fake.apiRoot }).getMe());
    expect(stranger.error_code).toBe(401);
    const other = fake.addBot({ token: '42:other', username: 'other_bot', firstName: 'Other' });
    const unknown = await fetch(`${fake.apiRoot}/bot${other.token}/sendTelepathy`, {
      method: 'POST',
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('accepts form-encoded calls and case-insensitive method names', async () => {
    await bot.privateText(anna, 'hello');
    const response = await fetch(`${fake.apiRoot}/bot${TOKEN}/SENDMESSAGE`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        chat_id: String(anna.id),
        text: 'form *text*',
        parse_mode: 'Markdown',
      }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { text: string } }).result.text).toBe('form text');
    expect(bot.callCount('sendMessage')).toBe(1);
  });
});
