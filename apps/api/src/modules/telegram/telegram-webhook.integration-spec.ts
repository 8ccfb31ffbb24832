import type { ConversationDetailDto, InboxDto, MessageDto } from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  FakeBotApi,
  loginAs,
  RecordingOperatorSocket,
  startTestApi,
  type ApiClient,
  type FakeBot,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { MessageEntity } from '../messages/entities/message.entity';
import {
  downloadFile,
  PDF,
  PNG,
  postJson,
  privateUpdate,
  rawMessage,
  botToken,
  connectTelegram,
  conversationOf,
  customer,
  timeline,
  timelineWhen,
} from './testing/telegram-test-kit';

/**
 * Telegram end to end through the real API, PostgreSQL and grammy, against the fake Bot API:
 * connecting a bot, every kind of customer message arriving live, edits, albums, groups, replies
 * going out right (replies, escaping, splitting, rate limits), and hostile webhooks refused.
 */
describe('Telegram channel through webhooks', () => {
  let db: TestDatabase;
  let fake: FakeBotApi;
  let bot: FakeBot;
  let api: TestApi;
  let admin: ApiClient;
  let token: string;
  let socket: RecordingOperatorSocket;
  let inbox: InboxDto;

  const alice = customer(501, 'Alice', 'alice_tg');
  const bob = customer(502, 'Bob');
  const carol = customer(503, 'Carol', 'carol');

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await FakeBotApi.start({ limits: { retryAfterSeconds: 1 } });
    bot = fake.addBot({ token: botToken(7001), username: 'acme_help_bot', firstName: 'Acme Help' });
    api = await startTestApi({
      databaseUrl: db.url,
      env: { TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_DELIVERY: 'webhook' },
    });
    const session = await loginAs(api.baseUrl);
    admin = session.client;
    token = session.login.token;
    socket = await RecordingOperatorSocket.connect(api.baseUrl, token);
  });

  afterAll(async () => {
    socket?.close();
    await api?.close();
    await fake?.stop();
    await db?.drop();
  });

  it('connects a bot: checks the token with getMe, registers a secret webhook, never echoes the token', async () => {
    const malformed = await connectTelegram(admin, 'not-a-token');
    expect(malformed.status).toBe(400);

    const unknownToken = botToken(9999, 'Z');
    const refused = await connectTelegram(admin, unknownToken);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/401|Unauthorized/);
    expect(JSON.stringify(refused.body)).not.toContain(unknownToken.split(':')[1]);

    const created = await connectTelegram(admin, botToken(7001));
    expect(created.status).toBe(201);
    inbox = created.body;
    expect(inbox.settings).toMatchObject({
      botUsername: 'acme_help_bot',
      botName: 'Acme Help',
      delivery: 'webhook',
    });
    expect(inbox.secretsSet).toEqual(expect.arrayContaining(['botToken', 'webhookSecret']));
    expect(JSON.stringify(inbox)).not.toContain('A'.repeat(35));
    expect(bot.webhook?.url).toBe(`${api.baseUrl}/api/webhooks/${inbox.id}`);
    expect(bot.webhook?.secretToken?.length).toBeGreaterThanOrEqual(32);
    expect([...(bot.webhook?.allowedUpdates ?? [])].sort()).toEqual(
      ['callback_query', 'edited_message', 'message', 'my_chat_member'].sort(),
    );
  });

  it('shows a private message live, with the customer’s name, @username and language on the card', async () => {
    await bot.privateText(alice, 'Hello, my order #42 is late');
    const conv = await conversationOf(admin, 'Alice Tester');
    expect(conv.channel).toBe('telegram');
    expect(conv.contact.handle).toBe('@alice_tg');
    const live = await eventually(async () =>
      socket.events.find(
        (e) =>
          e.type === 'message.created' &&
          (e.payload as { message: MessageDto }).message.text === 'Hello, my order #42 is late',
      ),
    );
    expect(live.conversationId).toBe(conv.id);
    const { contactCard: card } = await admin.ok<ConversationDetailDto>(
      'GET',
      `/api/conversations/${conv.id}`,
    );
    expect(card.identities[0]).toMatchObject({ username: 'alice_tg', language: 'de' });
  });

  it('keeps one conversation per group, with each member as the sender of their own messages', async () => {
    const group = { id: -100777, type: 'supergroup' as const, title: 'Acme partners' };
    await bot.groupText(group, alice, 'Our shipment is stuck');
    await bot.groupText(group, bob, 'Same here, since Monday');
    const conv = await conversationOf(admin, 'Acme partners');
    const messages = await timelineWhen(admin, conv.id, (m) => m.length === 2);
    expect(messages.map((m) => [m.sender.name, m.text])).toEqual([
      ['Alice Tester', 'Our shipment is stuck'],
      ['Bob Tester', 'Same here, since Monday'],
    ]);
    // Alice's group message is hers: the same contact as her private chat.
    const privateConv = await conversationOf(admin, 'Alice Tester');
    expect(messages[0]!.sender.id).toBe(privateConv.contact.id);
  });

  it('stores photos, documents, voice, stickers, locations and albums, with files fetched into storage', async () => {
    await bot.photo(carol, carol, PNG, { caption: 'The broken part' });
    await bot.document(carol, carol, PDF, { fileName: 'invoice.pdf', mimeType: 'application/pdf' });
    await bot.voice(carol, carol, Buffer.from('OggS-voice-bytes'), { duration: 3 });
    await bot.sticker(carol, carol, Buffer.from('RIFF-webp-sticker'), { emoji: '👍' });
    await bot.location(carol, carol, 52.52, 13.405);
    await bot.photo(carol, carol, PNG, { mediaGroupId: 'album-1', caption: 'Two views' });
    await bot.photo(carol, carol, Buffer.concat([PNG, Buffer.from([0])]), {
      mediaGroupId: 'album-1',
    });
    await bot.document(carol, carol, Buffer.from('x'), {
      fileName: 'huge.zip',
      mimeType: 'application/zip',
      announcedSize: 30 * 1024 * 1024,
    });
    const conv = await conversationOf(admin, 'Carol Tester');
    const settled = (m: MessageDto[]) =>
      m.length === 7 && m.every((x) => x.attachments.every((a) => a.status !== 'pending'));
    const messages = await timelineWhen(admin, conv.id, settled, 20_000);
    const [photo, doc, voice, sticker, location, album, huge] = messages as [
      MessageDto,
      MessageDto,
      MessageDto,
      MessageDto,
      MessageDto,
      MessageDto,
      MessageDto,
    ];
    expect(photo.text).toBe('The broken part');
    expect(await download(photo.attachments[0]!.url)).toEqual(PNG);
    expect(doc.attachments[0]).toMatchObject({ filename: 'invoice.pdf' });
    expect(await download(doc.attachments[0]!.url)).toEqual(PDF);
    expect(voice.attachments[0]!.contentType).toMatch(/^audio\//);
    expect(sticker.text).toBe('👍');
    expect(sticker.attachments).toHaveLength(1);
    expect(location.text).toContain('52.52');
    expect(location.text).toContain('openstreetmap.org');
    // One message for the album, both pictures in it.
    expect(album.text).toBe('Two views');
    expect(album.attachments).toHaveLength(2);
    expect(await download(album.attachments[1]!.url)).toEqual(
      Buffer.concat([PNG, Buffer.from([0])]),
    );
    // Over the bot download limit: the message is there, the file says why it is not.
    expect(huge.attachments[0]).toMatchObject({ status: 'unavailable', filename: 'huge.zip' });
    expect(huge.attachments[0]!.unavailableReason).toMatch(/too large/i);
  });

  it('updates an edited message live and marks it edited', async () => {
    const original = await bot.privateText(bob, 'I ordered 3 boxes');
    const conv = await conversationOf(admin, 'Bob Tester');
    await timelineWhen(admin, conv.id, (m) => m.some((x) => x.text === 'I ordered 3 boxes'));
    await bot.edit(original, 'I ordered 4 boxes');
    const live = await eventually(async () =>
      socket.events.find(
        (e) =>
          e.type === 'message.updated' &&
          (e.payload as { message: MessageDto }).message.text === 'I ordered 4 boxes',
      ),
    );
    const edited = (live.payload as { message: MessageDto }).message;
    expect(edited.editedAt).toBeTruthy();
    const messages = await timeline(admin, conv.id);
    expect(messages.filter((m) => m.kind === 'message').map((m) => m.text)).toEqual([
      'I ordered 4 boxes',
    ]);
  });

  it('stores a redelivered or reordered update once, and an edit that overtook its message as the edited text', async () => {
    const dave = customer(504, 'Dave');
    const at = (id: number, text: string, extra = {}) => rawMessage(dave, id, text, extra);
    const second = await bot.deliverRaw({ update_id: 90_002, message: at(902, 'second') });
    await bot.deliverRaw({ update_id: 90_001, message: at(901, 'first') });
    const editDate = Math.floor(Date.now() / 1000) + 5;
    const edited = at(903, 'third, edited', { edit_date: editDate });
    await bot.deliverRaw({ update_id: 90_004, edited_message: edited });
    await bot.deliverRaw({ update_id: 90_003, message: at(903, 'third') });
    await bot.redeliver(second as never);
    const conv = await conversationOf(admin, 'Dave Tester');
    await eventually(async () => bot.pendingUpdateCount === 0);
    const messages = await timelineWhen(admin, conv.id, (m) => m.length >= 3);
    expect(messages.map((m) => m.text).sort()).toEqual(['first', 'second', 'third, edited']);
    const stored = await api.dataSource
      .getRepository(MessageEntity)
      .countBy({ conversationId: conv.id, direction: 'incoming' });
    expect(stored).toBe(3);
  });

  it('sends a reply to the right chat, as a reply to the right message, with special characters intact', async () => {
    const conv = await conversationOf(admin, 'Alice Tester');
    const [question] = (await timeline(admin, conv.id)).filter((m) => m.kind === 'message');
    const text = 'Price < 5 & > 3, a*b, snake_case, <b>not bold</b> &amp; [x](y)';
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text,
      replyToMessageId: question!.id,
    });
    expect(reply.replyTo?.id).toBe(question!.id);
    await bot.waitFor((b) => b.sentTo(alice.id).length === 1);
    const [sent] = bot.sentTo(alice.id);
    expect(sent!.text).toBe(text);
    expect(sent!.replyToMessageId).toBe(1);
    await eventually(async () => {
      const [, out] = (await timeline(admin, conv.id)).filter((m) => m.kind === 'message');
      return out?.deliveryStatus === 'sent';
    });
  });

  it('splits a 6,000-character reply into two ordered messages and shows "typing…" while the operator types', async () => {
    const conv = await conversationOf(admin, 'Alice Tester');
    socket.socket.emit('typing', { conversationId: conv.id, typing: true });
    await bot.waitFor((b) =>
      b.chatActions.some((a) => a.chatId === alice.id && a.action === 'typing'),
    );

    const paragraph = (n: number) => `Paragraph ${n}. ${'All good here. '.repeat(60)}`.trim();
    const text = [1, 2, 3, 4, 5, 6].map(paragraph).join('\n\n');
    expect(text.length).toBeGreaterThan(5_000);
    const before = bot.sentTo(alice.id).length;
    await admin.ok('POST', `/api/conversations/${conv.id}/messages`, { text });
    await bot.waitFor((b) => b.sentTo(alice.id).length === before + 2, 15_000);
    const parts = bot.sentTo(alice.id).slice(before);
    expect(parts.every((p) => (p.text ?? '').length <= 4096)).toBe(true);
    expect(parts[0]!.messageId).toBeLessThan(parts[1]!.messageId);
    expect(parts.map((p) => p.text).join('\n\n')).toBe(text);
    expect(bot.rateLimitViolations).toBe(0);
  });

  it('rides out a storm of 429s without losing, duplicating or reordering replies', async () => {
    const conv = await conversationOf(admin, 'Carol Tester');
    bot.failNext(
      'sendMessage',
      { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
      3,
    );
    const before = bot.sentTo(carol.id).length;
    for (const n of [1, 2, 3, 4]) {
      await admin.ok('POST', `/api/conversations/${conv.id}/messages`, { text: `Update ${n}` });
    }
    await bot.waitFor((b) => b.sentTo(carol.id).length === before + 4, 30_000);
    expect(
      bot
        .sentTo(carol.id)
        .slice(before)
        .map((s) => s.text),
    ).toEqual(['Update 1', 'Update 2', 'Update 3', 'Update 4']);
    expect(bot.rateLimitViolations).toBe(0);
  });

  it('marks a reply to a customer who blocked the bot failed with the reason, and shows the block', async () => {
    const conv = await conversationOf(admin, 'Bob Tester');
    bot.markBlocked(bob.id);
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Are you still there?',
    });
    const failed = await eventually(async () => {
      const m = (await timeline(admin, conv.id)).find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'failed' && m;
    }, 15_000);
    expect(failed.failureReason).toMatch(/blocked by the user/);

    await bot.blockedBy(bob);
    const summary = await eventually(async () => {
      const c = await conversationOf(admin, 'Bob Tester');
      return c.unreachableReason ? c : null;
    });
    expect(summary.unreachableReason).toBe('The customer blocked the bot');
    const messages = await timeline(admin, conv.id);
    expect(messages.some((m) => m.activity?.type === 'customer_unreachable')).toBe(true);
  });

  it('refuses forged, unknown and malformed webhooks without writing anything', async () => {
    const count = () => api.dataSource.getRepository(MessageEntity).count();
    const before = await count();
    const update = JSON.stringify(privateUpdate(95_000, 666, 'forged'));
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      postJson(api.baseUrl, path, body, headers);
    const hook = `/api/webhooks/${inbox.id}`;
    const secret = bot.webhook!.secretToken!;
    expect((await post(hook, update)).status).toBe(401);
    expect((await post(hook, update, { 'x-telegram-bot-api-secret-token': 'guess' })).status).toBe(
      401,
    );
    expect((await post('/api/webhooks/00000000-0000-4000-8000-000000000000', update)).status).toBe(
      404,
    );
    const signed = { 'x-telegram-bot-api-secret-token': secret };
    // An update Telegram could send but we cannot use: 200, so it is not redelivered forever.
    const odd = await post(
      hook,
      JSON.stringify({ update_id: 95_001, message: { text: 'no chat' } }),
      signed,
    );
    expect(odd.status).toBe(200);
    const unknown = await post(
      hook,
      JSON.stringify({ update_id: 95_002, poll: { id: '1' } }),
      signed,
    );
    expect(unknown.status).toBe(200);
    expect((await post(hook, 'not json', signed)).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('moves the webhook when the token changes', async () => {
    const next = fake.addBot({
      token: botToken(7002, 'B'),
      username: 'acme_new_bot',
      firstName: 'Acme New',
    });
    const changed = await admin.ok<InboxDto>('PATCH', `/api/inboxes/${inbox.id}`, {
      secrets: { botToken: botToken(7002, 'B') },
    });
    expect(changed.settings).toMatchObject({ botUsername: 'acme_new_bot' });
    expect(bot.webhook).toBeNull();
    expect(next.webhook?.url).toBe(`${api.baseUrl}/api/webhooks/${inbox.id}`);
    bot = next;
  });

  it('shows a revoked token on the inbox and stops sending with it until a working one is saved', async () => {
    bot.revoke();
    const conv = await conversationOf(admin, 'Carol Tester');
    const reply = await admin.ok<MessageDto>('POST', `/api/conversations/${conv.id}/messages`, {
      text: 'Anything else?',
    });
    const failed = await eventually(async () => {
      const m = (await timeline(admin, conv.id)).find((x) => x.id === reply.id);
      return m?.deliveryStatus === 'failed' && m;
    }, 15_000);
    expect(failed.failureReason).toMatch(/rejected the bot token/);
    expect(failed.failureReason).not.toContain('B'.repeat(35));
    const broken = await admin.ok<InboxDto>('GET', `/api/inboxes/${inbox.id}`);
    expect(broken.connectionError).toMatch(/rejected the bot token/);
    // No retry storm: the refused send is not tried again.
    const calls = bot.callCount('sendMessage');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(bot.callCount('sendMessage')).toBe(calls);

    fake.addBot({ token: botToken(7003, 'C'), username: 'acme_third_bot', firstName: 'Acme 3' });
    const fixed = await admin.ok<InboxDto>('PATCH', `/api/inboxes/${inbox.id}`, {
      secrets: { botToken: botToken(7003, 'C') },
    });
    expect(fixed.connectionError).toBeNull();
    bot = fake.bot(botToken(7003, 'C'));
  });

  it('deletes the webhook when the inbox is removed, and keeps its conversations', async () => {
    const conversationsBefore = await conversationOf(admin, 'Alice Tester');
    expect((await admin.request('DELETE', `/api/inboxes/${inbox.id}`)).status).toBe(200);
    expect(bot.webhook).toBeNull();
    const list = await admin.ok<InboxDto[]>('GET', '/api/inboxes');
    expect(list.map((i) => i.id)).not.toContain(inbox.id);
    expect((await admin.request('GET', `/api/inboxes/${inbox.id}`)).status).toBe(404);
    const hook = await fetch(`${api.baseUrl}/api/webhooks/${inbox.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(hook.status).toBe(404);
    expect((await conversationOf(admin, 'Alice Tester')).id).toBe(conversationsBefore.id);
  });

  const download = (url: string) => downloadFile(api.baseUrl, token, url);
});
