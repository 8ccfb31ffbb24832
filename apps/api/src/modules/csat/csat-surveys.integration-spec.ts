import type {
  ConversationCsatEnvelopeDto,
  ConversationSummaryDto,
  InboxDto,
  MessageDto,
  Page,
  WidgetCsatSurveyDto,
} from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  FakeBotApi,
  loginAs,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type DovecotServer,
  type FakeBot,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import {
  customerMail,
  createEmailInbox,
  SUPPORT,
  useFastEmailSync,
} from '../email/testing/email-test-kit';
import { MessageEntity } from '../messages/entities/message.entity';
import {
  botToken,
  connectTelegram,
  conversationOf,
  customer,
} from '../telegram/testing/telegram-test-kit';
import { WidgetVisitorClient } from '../webchat/testing/widget-visitor-client';
import { CsatLinks } from './csat-links';
import { CsatResponseEntity } from './entities/csat-response.entity';

const SHOP = 'https://shop.example';
const APP_SECRET = 'test-app-secret-that-is-long-enough-0123456789';

/**
 * Surveys end to end, one API for all: web chat answered through the widget API (a rule fires on
 * a low rating, another visitor is refused, the quiet period holds), Telegram through the fake
 * Bot API's inline keyboard, email through the link in the mail the SMTP peer received (used
 * twice, tampered, expired), and an automated sender never surveyed.
 */
describe('CSAT and NPS surveys', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;
  let fake: FakeBotApi;
  let bot: FakeBot;
  let smtp: SmtpPeer;
  let dovecot: DovecotServer;
  let chat: InboxDto;

  const csatOf = async (id: string) =>
    (await admin.ok<ConversationCsatEnvelopeDto>('GET', `/api/conversations/${id}/csat`)).survey;
  const close = (id: string) => admin.ok('POST', `/api/conversations/${id}/close`, {});
  const timeline = (id: string) =>
    admin.ok<Page<MessageDto>>('GET', `/api/conversations/${id}/messages?limit=100`);
  const surveysOn = (inboxId: string, scale: 'csat' | 'nps') =>
    admin.ok('PUT', `/api/inboxes/${inboxId}/csat-settings`, {
      enabled: true,
      delayMinutes: 0,
      question: 'How did we do?',
      scale,
      commentEnabled: true,
      quietDays: 30,
    });
  const responses = () => api.dataSource.getRepository(CsatResponseEntity).count();

  beforeAll(async () => {
    useFastEmailSync();
    db = await createTestDatabase();
    fake = await FakeBotApi.start();
    bot = fake.addBot({ token: botToken(7301), username: 'csat_bot', firstName: 'Acme' });
    smtp = await startSmtpPeer();
    dovecot = await startDovecot({ users: [SUPPORT] });
    api = await startTestApi({
      databaseUrl: db.url,
      env: { TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_DELIVERY: 'webhook' },
    });
    admin = (await loginAs(api.baseUrl)).client;
    chat = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      reopenPolicy: 'new_conversation',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'csat-webchat-secret-0123456789abcdef' },
    });
    await surveysOn(chat.id, 'csat');
  });

  afterAll(async () => {
    await api?.close();
    await fake?.stop();
    await smtp?.close();
    await dovecot?.stop();
    await db?.drop();
  });

  it('web chat: rated in the widget once, by its own visitor, in range; a low rating fires a rule; the quiet period holds', async () => {
    await admin.ok('POST', '/api/automation/rules', {
      name: 'Unhappy customer',
      trigger: { kind: 'event', event: 'csat_received' },
      conditions: {
        match: 'all',
        groups: [{ match: 'all', conditions: [{ field: 'csat_rating', op: 'lte', value: 2 }] }],
      },
      actions: [{ type: 'add_tags', tags: ['unhappy'] }],
    });
    const visitor = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    const stranger = new WidgetVisitorClient(api.baseUrl, chat.id, SHOP);
    await visitor.session();
    await stranger.session();
    const first = await visitor.say('Where is my parcel?');
    const { conversationId } = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ id: first.body.id });
    await close(conversationId);

    const survey = await eventually(async () => {
      const r = await visitor.request<{ items: WidgetCsatSurveyDto[] }>('GET', '/csat');
      return r.body.items[0];
    }, 10_000);
    expect(survey).toMatchObject({ conversationId, scale: 'csat', question: 'How did we do?' });
    const surveyMessage = (await timeline(conversationId)).items.find(
      (m) => m.id === survey.messageId,
    );
    expect(surveyMessage).toMatchObject({ direction: 'outgoing', sender: { type: 'system' } });

    const answer = (who: WidgetVisitorClient, body: unknown) =>
      who.request<{ code?: string }>('POST', `/csat/${survey.surveyId}`, body);
    expect((await answer(stranger, { rating: 2 })).status).toBe(404);
    const outOfRange = await answer(visitor, { rating: 6 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.code).toBe('INVALID_RATING');
    expect((await answer(visitor, { rating: 2, comment: 'bad\u0000' })).status).toBe(422);
    expect(await responses()).toBe(0);
    expect((await answer(visitor, { rating: 2, comment: 'Too slow' })).status).toBe(200);
    expect((await answer(visitor, { rating: 5 })).status).toBe(409);

    expect(await csatOf(conversationId)).toMatchObject({
      state: 'answered',
      response: { rating: 2, comment: 'Too slow' },
    });
    const rated = (await timeline(conversationId)).items.find(
      (m) => m.activity?.type === 'csat_answered',
    );
    expect(rated?.activity).toEqual({
      type: 'csat_answered',
      scale: 'csat',
      rating: 2,
      comment: 'Too slow',
    });
    await eventually(async () => {
      const c = await admin.ok<ConversationSummaryDto>(
        'GET',
        `/api/conversations/${conversationId}`,
      );
      return c.tags.some((t) => t.name === 'unhappy');
    }, 10_000);

    // The same customer again, in a new conversation: within 30 days, no second survey.
    const again = await visitor.say('One more thing');
    const second = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ id: again.body.id });
    expect(second.conversationId).not.toBe(conversationId);
    await close(second.conversationId);
    const skipped = await eventually(async () => {
      const s = await csatOf(second.conversationId);
      return s?.state === 'skipped' ? s : null;
    }, 10_000);
    expect(skipped.skipReason).toMatch(/within the last 30 days/);
  });

  it('Telegram: an inline keyboard, a press answered with answerCallbackQuery; an unknown survey stores nothing', async () => {
    const connected = await connectTelegram(admin, botToken(7301));
    expect(connected.status).toBe(201);
    const inbox = connected.body;
    await surveysOn(inbox.id, 'nps');
    const alice = customer(801, 'Alice');
    await bot.privateText(alice, 'My order is late');
    const conv = await conversationOf(admin, 'Alice Tester');
    await close(conv.id);

    const sent = await eventually(
      async () => bot.sentTo(alice.id).find((m) => m.inlineKeyboard),
      10_000,
    );
    expect(sent.text).toBe('How did we do?');
    const buttons = sent.inlineKeyboard!.flat();
    expect(buttons.map((b) => b.text)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(buttons.every((b) => Buffer.byteLength(b.callback_data ?? '') <= 64)).toBe(true);

    const before = await responses();
    await bot.pressButton(alice, sent, buttons[9]!.callback_data!);
    await eventually(async () => bot.callbackQueries.every((q) => q.answered !== null), 10_000);
    expect(bot.callbackQueries[0]!.answered?.text).toMatch(/Thank you/);
    expect(await csatOf(conv.id)).toMatchObject({
      state: 'answered',
      scale: 'nps',
      response: { rating: 9 },
    });

    // A press naming no survey of ours: answered as unknown, nothing stored.
    const unknown = `csat:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}:3`;
    await bot.deliverRaw({
      callback_query: { id: '99', from: { id: alice.id, first_name: 'Alice' }, data: unknown },
    });
    await eventually(async () => bot.pendingUpdateCount === 0, 10_000);
    expect(await responses()).toBe(before + 1);
  });

  it('email: a link per rating in the mail; the page records once; tampered and expired links refused; automated mail never surveyed', async () => {
    const inbox = await createEmailInbox(admin, dovecot, smtp);
    await surveysOn(inbox.id, 'csat');
    await dovecot.appendMessage(
      SUPPORT.user,
      'INBOX',
      customerMail({ from: 'Bob <bob@customer.example>', subject: 'Refund', text: 'Refund please' })
        .source,
    );
    await dovecot.appendMessage(
      SUPPORT.user,
      'INBOX',
      customerMail({
        from: 'Robot <noreply@customer.example>',
        subject: 'Out of office',
        text: 'I am away',
        headers: { 'Auto-Submitted': 'auto-replied' },
      }).source,
    );
    const find = async (preview: string) => {
      const page = await admin.ok<Page<ConversationSummaryDto>>(
        'GET',
        '/api/conversations?status=all',
      );
      return page.items.find((c) => c.lastMessagePreview === preview) ?? null;
    };
    const bob = await eventually(() => find('Refund please'), 20_000);
    const robot = await eventually(() => find('I am away'), 20_000);
    const mailsBefore = smtp.messages.length;
    await close(bob.id);
    await close(robot.id);

    const [mail] = (await smtp.waitForMessages(mailsBefore + 1, 15_000)).slice(mailsBefore);
    expect(mail!.envelope.to).toEqual(['bob@customer.example']);
    const text = mail!.parsed.text ?? '';
    const link = /^4: (\S+)$/m.exec(text)?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.searchParams.get('rating')).toBe('4');
    const pageUrl = `${api.baseUrl}${url.pathname}`;

    const shown = await fetch(`${pageUrl}?rating=4`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await shown.text()).toContain('value="4" required checked');
    const post = (target: string, form: Record<string, string>) =>
      fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const before = await responses();
    expect((await post(pageUrl, { rating: '9' })).status).toBe(422);
    const thanks = await post(pageUrl, { rating: '4', comment: 'Quick, thanks' });
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Your rating of 4 out of 5');
    const twice = await post(pageUrl, { rating: '1' });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain('already answered');
    expect(await responses()).toBe(before + 1);
    expect(await csatOf(bob.id)).toMatchObject({
      response: { rating: 4, comment: 'Quick, thanks' },
    });

    const token = url.pathname.split('/').pop()!;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await fetch(`${api.baseUrl}/api/csat/${tampered}`)).status).toBe(404);
    const surveyId = token.split('.')[0]!;
    const links = new CsatLinks(APP_SECRET, api.baseUrl);
    const old = links.token(surveyId, new Date(Date.now() - 15 * 86_400_000));
    expect((await post(`${api.baseUrl}/api/csat/${old}`, { rating: '3' })).status).toBe(410);
    expect(await responses()).toBe(before + 1);

    const robotSurvey = await eventually(async () => {
      const s = await csatOf(robot.id);
      return s?.state === 'skipped' ? s : null;
    }, 10_000);
    expect(robotSurvey.skipReason).toMatch(/automated/);
    expect(smtp.messages.length).toBe(mailsBefore + 1);
  });
});
