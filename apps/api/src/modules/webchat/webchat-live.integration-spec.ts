import type { InboxDto, MessageDto, TypingSignal } from '@switchboard/contracts';
import {
  createTestDatabase,
  eventually,
  loginAs,
  RecordingOperatorSocket,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { Raw } from 'typeorm';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { WebchatConversationStartEntity } from './entities/webchat-conversation-start.entity';
import { WidgetVisitorClient } from './testing/widget-visitor-client';

const SHOP = 'https://shop.example';
/** The delivery worker and cross-instance signals share two cores with everything else in CI. */
const WAIT_MS = 15_000;

describe('web chat live: replies, typing, ticks, follow-up email, several instances', () => {
  let db: TestDatabase;
  let api: TestApi;
  let second: TestApi;
  let smtp: SmtpPeer;
  let admin: ApiClient;
  let operatorToken: string;
  let inbox: InboxDto;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpPeer();
    // The follow-up transport when the account has no email inbox (read by the web chat module).
    process.env['SMTP_URL'] = `smtp://${smtp.user}:${smtp.password}@${smtp.host}:${smtp.port}`;
    process.env['MAIL_FROM'] = 'Shop Support <support@shop.example>';
    api = await startTestApi({ databaseUrl: db.url });
    second = await startTestApi({ databaseUrl: db.url });
    const login = await loginAs(api.baseUrl);
    admin = login.client;
    operatorToken = login.login.token;
    inbox = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Shop chat',
      settings: { allowedOrigins: [SHOP] },
      secrets: { hmacSecret: 'live-webchat-secret-0123456789abcdefgh' },
    });
  });

  afterAll(async () => {
    process.env = savedEnv;
    await second?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  async function conversationOf(v: WidgetVisitorClient): Promise<string> {
    const externalId = `visitor:${(await v.session()).body.visitorId}`;
    const conversation = await api.dataSource.getRepository(ConversationEntity).findOneOrFail({
      select: { id: true },
      where: { identity: { inboxId: inbox.id, externalId } },
    });
    return conversation.id;
  }

  it('delivers operator replies live to the widget and moves the ticks both ways', async () => {
    const operator = await RecordingOperatorSocket.connect(api.baseUrl, operatorToken);
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    try {
      await v.session();
      await v.connect();
      const mine = await v.say('Is the tent waterproof?');
      const conversationId = await conversationOf(v);
      await operator.waitFor(
        (events) =>
          events.some(
            (e) =>
              e.type === 'message.created' && e.payload.message.text === 'Is the tent waterproof?',
          ),
        WAIT_MS,
      );

      const reply = await admin.ok<MessageDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'Yes, <b>5000 mm</b>.' },
      );
      const live = await eventually(async () => v.received.find((m) => m.id === reply.id), WAIT_MS);
      expect(live).toMatchObject({
        author: 'operator',
        text: 'Yes, <b>5000 mm</b>.',
        senderName: expect.any(String),
      });
      // Replying read the conversation: the visitor's message gets its read tick.
      await eventually(async () => v.reads.length > 0, WAIT_MS);
      expect((await v.history()).body.items.find((m) => m.id === mine.body.id)?.status).toBe(
        'read',
      );

      v.socket?.emit('receipt', { status: 'read', messageIds: [reply.id] });
      await operator.waitFor(
        (events) =>
          events.some(
            (e) =>
              e.type === 'message.updated' &&
              e.payload.message.id === reply.id &&
              e.payload.message.deliveryStatus === 'read',
          ),
        WAIT_MS,
      );
    } finally {
      v.disconnect();
      operator.close();
    }
  });

  it('shows typing both ways', async () => {
    const operator = await RecordingOperatorSocket.connect(api.baseUrl, operatorToken);
    const seenByOperator: TypingSignal[] = [];
    operator.socket.on('typing', (signal) => seenByOperator.push(signal));
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    try {
      await v.session();
      await v.say('Hello');
      await v.connect();
      const conversationId = await conversationOf(v);
      v.socket?.emit('typing', { typing: true });
      await eventually(
        async () => seenByOperator.find((s) => s.conversationId === conversationId && s.typing),
        WAIT_MS,
      );
      expect(seenByOperator.find((s) => s.conversationId === conversationId)?.actor.type).toBe(
        'contact',
      );
      operator.socket.emit('typing', { conversationId, typing: true });
      const typing = await eventually(async () => v.typing.find((t) => t.typing), WAIT_MS);
      expect(typing.name).toEqual(expect.any(String));
    } finally {
      v.disconnect();
      operator.close();
    }
  });

  it('emails a reply to a visitor who left, with a link back and a Message-ID the email side threads on', async () => {
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await v.session();
    await v.say('Please email me when you know.', undefined, { pageUrl: `${SHOP}/tents/trail-2` });
    expect(await v.leaveEmail('Visitor@Example.com', `${SHOP}/tents/trail-2`)).toMatchObject({
      status: 200,
      body: { email: 'visitor@example.com' },
    });
    const conversationId = await conversationOf(v);
    const already = smtp.messages.length;
    const reply = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      {
        text: 'It ships on Monday <script>x</script>',
      },
    );
    const [mail] = (await smtp.waitForMessages(already + 1, WAIT_MS)).slice(already);
    expect(mail.envelope.to).toEqual(['visitor@example.com']);
    expect(mail.parsed.messageId).toBe(`<webchat.${conversationId}.${reply.id}@127.0.0.1>`);
    expect(mail.parsed.text).toContain('It ships on Monday <script>x</script>');
    expect(mail.parsed.text).toContain(`${SHOP}/tents/trail-2#sb-chat`);
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mail.parsed.headers.get('x-switchboard-conversation-token')).toBe(conversationId);
    // Sent once, recorded once; the reply is also waiting in the chat history.
    await eventually(async () => {
      const row = await api.dataSource
        .getRepository(MessageEntity)
        .findOneByOrFail({ id: reply.id });
      return row.deliveryStatus === 'sent';
    }, WAIT_MS);
    expect((await v.history()).body.items.some((m) => m.id === reply.id)).toBe(true);
  });

  it('does not email a visitor whose widget is open on another API instance', async () => {
    const v = new WidgetVisitorClient(second.baseUrl, inbox.id, SHOP);
    await v.session();
    await v.leaveEmail('online@example.com');
    await v.say('I am still here');
    await v.connect();
    try {
      const conversationId = await conversationOf(v);
      const already = smtp.messages.length;
      const reply = await admin.ok<MessageDto>(
        'POST',
        `/api/conversations/${conversationId}/messages`,
        { text: 'Great!' },
      );
      await eventually(async () => v.received.find((m) => m.id === reply.id), WAIT_MS);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.messages.length).toBe(already);
    } finally {
      v.disconnect();
    }
  });

  it('counts new conversations per IP across API instances', async () => {
    // Starts within the last hour, by the database's clock.
    const n = await api.dataSource
      .getRepository(WebchatConversationStartEntity)
      .countBy({ createdAt: Raw((at) => `${at} > now() - interval '1 hour'`) });
    // A fresh inbox, so neither instance holds its settings in a cache yet.
    const limited = await admin.ok<InboxDto>('POST', '/api/inboxes', {
      kind: 'webchat',
      name: 'Limited chat',
      settings: { allowedOrigins: [SHOP], newConversationsPerIpPerHour: n + 2 },
      secrets: { hmacSecret: 'limited-webchat-secret-0123456789abcdef' },
    });
    const start = async (base: string) => {
      const v = new WidgetVisitorClient(base, limited.id, SHOP);
      await v.session();
      return (await v.say('A new question')).status;
    };
    expect(await start(api.baseUrl)).toBe(200);
    expect(await start(second.baseUrl)).toBe(200);
    expect(await start(api.baseUrl)).toBe(429);
    expect(await start(second.baseUrl)).toBe(429);
  });

  it('refuses a widget socket with a forged token or from another site', async () => {
    const forged = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    forged.token = 'v1.e30.AAAA';
    await expect(forged.connect()).rejects.toThrow(/UNAUTHENTICATED/);
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await v.session();
    const elsewhere = new WidgetVisitorClient(api.baseUrl, inbox.id, 'https://evil.example');
    elsewhere.token = v.token;
    await expect(elsewhere.connect()).rejects.toThrow(/FORBIDDEN/);
  });
});
