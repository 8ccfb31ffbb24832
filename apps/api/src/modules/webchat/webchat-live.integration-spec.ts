import { randomUUID } from 'node:crypto';
import type { InboxDto, MessageDto, TypingSignal } from '@switchboard/contracts';
import {
  createApiInbox,
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
import { InboundPipelineService } from '../channels/inbound-pipeline.service';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import { WebchatConversationStartEntity } from './entities/webchat-conversation-start.entity';
import { WebchatPresenceEntity } from './entities/webchat-presence.entity';
import { confirmationLinkIn, confirmByLink } from './testing/follow-up-confirmation';
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

  it('mails a reply only to an address the visitor confirmed by link, with a link back and a Message-ID the email side threads on', async () => {
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await v.session();
    await v.say('Please email me when you know.', undefined, { pageUrl: `${SHOP}/tents/trail-2` });
    const before = smtp.messages.length;
    // Typed, not yet confirmed: a confirmation link goes out, and nothing else.
    expect(await v.leaveEmail('Visitor@Example.com', `${SHOP}/tents/trail-2`)).toMatchObject({
      status: 200,
      body: { email: null, pendingEmail: 'visitor@example.com' },
    });
    const [confirmation] = (await smtp.waitForMessages(before + 1, WAIT_MS)).slice(before);
    expect(confirmation.envelope.to).toEqual(['visitor@example.com']);
    expect(confirmation.parsed.subject).toBe('Confirm your email address for Shop chat');
    expect(confirmation.parsed.text).not.toContain('Please email me');
    const link = confirmationLinkIn(confirmation);
    expect(link.startsWith(`${api.baseUrl}/api/widget/${inbox.id}/contact/confirm?token=`)).toBe(
      true,
    );

    const conversationId = await conversationOf(v);
    const unconfirmed = await admin.ok<MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      { text: 'Sent before the address was confirmed' },
    );
    await eventually(async () => {
      const row = await api.dataSource
        .getRepository(MessageEntity)
        .findOneByOrFail({ id: unconfirmed.id });
      return row.deliveryStatus === 'sent';
    }, WAIT_MS);
    expect(smtp.messages.length).toBe(before + 1);

    // A mail scanner that fetches the link confirms nothing; pressing the page's button does, and
    // an open widget hears of it at once.
    expect((await fetch(link)).status).toBe(200);
    expect((await v.session()).body).toMatchObject({
      email: null,
      pendingEmail: 'visitor@example.com',
    });
    await v.connect();
    const confirmed = await confirmByLink(link);
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain('visitor@example.com');
    await eventually(async () => v.contacts.length > 0, WAIT_MS);
    expect(v.contacts).toEqual([{ email: 'visitor@example.com', pendingEmail: null }]);
    expect((await confirmByLink(link)).status).toBe(200);
    v.disconnect();
    await eventually(
      async () =>
        (await api.dataSource
          .getRepository(WebchatPresenceEntity)
          .countBy({ inboxId: inbox.id })) === 0,
      WAIT_MS,
    );

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
    expect(smtp.messages.length).toBe(already + 1);
  });

  it('confirms only the newest address, refuses forged links and limits confirmation mails', async () => {
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await v.session();
    const mailed = async (email: string) => {
      const before = smtp.messages.length;
      expect((await v.leaveEmail(email)).status).toBe(200);
      return confirmationLinkIn((await smtp.waitForMessages(before + 1, WAIT_MS))[before]);
    };
    const first = await mailed('first@example.com');
    const second = await mailed('second@example.com');
    expect(await confirmByLink(first)).toMatchObject({ status: 409 });
    const token = new URL(second).searchParams.get('token') ?? '';
    const [version, body, mac] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as object;
    const forged = `${version}.${Buffer.from(
      JSON.stringify({ ...payload, em: 'attacker@example.com' }),
    ).toString('base64url')}.${mac}`;
    const forgedLink = `${second.split('?')[0]}?token=${encodeURIComponent(forged)}`;
    expect(await confirmByLink(forgedLink)).toMatchObject({ status: 400 });
    expect(await confirmByLink(second)).toMatchObject({ status: 200 });
    expect((await v.session()).body).toMatchObject({
      email: 'second@example.com',
      pendingEmail: null,
    });
    // Typing the confirmed address again mails nothing.
    const before = smtp.messages.length;
    expect(await v.leaveEmail('second@example.com')).toMatchObject({
      status: 200,
      body: { email: 'second@example.com', pendingEmail: null },
    });
    // Three confirmation mails an hour per visitor; the fourth is refused with Retry-After.
    await mailed('third@example.com');
    const refused = await v.leaveEmail('fourth@example.com');
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('shows emailed answers in the widget only from the address the visitor confirmed', async () => {
    const { inbox: other } = await createApiInbox(admin, 'Mail-like inbox');
    const v = new WidgetVisitorClient(api.baseUrl, inbox.id, SHOP);
    await v.session();
    await v.say('Where is my parcel?');
    const conversationId = await conversationOf(v);
    const before = smtp.messages.length;
    await v.leaveEmail('owner@example.com');
    const link = confirmationLinkIn((await smtp.waitForMessages(before + 1, WAIT_MS))[before]);
    // Answers that reach the conversation through another inbox (as an emailed answer does).
    const answer = (from: string, text: string) =>
      api.app.get(InboundPipelineService).ingest(other.id, [
        {
          type: 'message',
          externalId: randomUUID(),
          sender: { externalId: from, email: from, name: null },
          text,
          thread: { conversationToken: conversationId, references: [], continueLatest: false },
          sentAt: new Date(),
        },
      ]);
    await answer('owner@example.com', 'Private: my order number is 4711');
    await answer('someone@else.example', 'Written by someone else');
    const texts = async () => (await v.history()).body.items.map((m) => m.text);
    // Typed but not confirmed: whoever typed the address must not read that mailbox's answers.
    expect(await texts()).toEqual(['Where is my parcel?']);
    expect((await confirmByLink(link)).status).toBe(200);
    expect(await texts()).toEqual(['Where is my parcel?', 'Private: my order number is 4711']);
  });

  it('does not email a visitor whose widget is open on another API instance', async () => {
    const v = new WidgetVisitorClient(second.baseUrl, inbox.id, SHOP);
    await v.session();
    const mails = smtp.messages.length;
    await v.leaveEmail('online@example.com');
    await confirmByLink(
      confirmationLinkIn((await smtp.waitForMessages(mails + 1, WAIT_MS))[mails]),
    );
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
