import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { MessageDto } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startDovecot,
  startSmtpPeer,
  startTestApi,
  type ApiClient,
  type DovecotServer,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
} from '@switchboard/testing';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import {
  createEmailInbox,
  customerMail,
  emailInboxBody,
  eventually,
  messageByExternalId,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from './testing/email-test-kit';

const FIXTURES = join(__dirname, '../../../../../libs/channels/email/src/fixtures');

describe('email replies: operator → SMTP peer, and back', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;

  const append = (source: string | Buffer) => dovecot.appendMessage(SUPPORT.user, 'INBOX', source);
  const reply = (conversationId: string, text: string) =>
    admin.ok<MessageDto>('POST', `/api/conversations/${conversationId}/messages`, { text });

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
    await createEmailInbox(admin, dovecot, smtp);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('refuses to save an inbox it cannot log in to, saying why', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => resolve(port));
      });
    });
    const wrongPassword = emailInboxBody(dovecot, smtp);
    wrongPassword.secrets.imapPassword = 'nope';
    const unreachable = emailInboxBody(dovecot, smtp, {
      imap: { host: '127.0.0.1', port: closedPort, security: 'none', user: SUPPORT.user },
    });
    const tlsMismatch = emailInboxBody(dovecot, smtp, {
      imap: { host: dovecot.host, port: dovecot.port, security: 'tls', user: SUPPORT.user },
    });
    const smtpTls = emailInboxBody(dovecot, smtp, {
      smtp: { host: smtp.host, port: smtp.port, security: 'tls', user: smtp.user },
    });
    const smtpUnreachable = emailInboxBody(dovecot, smtp, {
      smtp: { host: '127.0.0.1', port: closedPort, security: 'none', user: smtp.user },
    });
    const smtpPassword = emailInboxBody(dovecot, smtp);
    smtpPassword.secrets.smtpPassword = 'nope';

    const cases: Array<[unknown, RegExp]> = [
      [wrongPassword, /IMAP: login refused .* wrong user name or password/],
      [unreachable, /IMAP: cannot reach 127\.0\.0\.1:\d+/],
      [tlsMismatch, /IMAP: .*(TLS|security setting)/],
      [smtpPassword, /SMTP: login refused .* wrong user name or password/],
      [smtpTls, /SMTP: .*(TLS|security setting)/],
      [smtpUnreachable, /SMTP: cannot reach 127\.0\.0\.1:\d+/],
    ];
    for (const [body, message] of cases) {
      const res = await admin.request<{ code: string; message: string }>(
        'POST',
        '/api/inboxes',
        body,
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const listed = await admin.ok<
      Array<{ secretsSet: string[]; settings: Record<string, unknown> }>
    >('GET', '/api/inboxes');
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(SUPPORT.password);
  });

  it("sends the operator's reply with threading headers, keeps a Sent copy, and threads the customer's answer", async () => {
    const first = customerMail({ subject: 'Where is my order?', text: 'Order 77 is late.' });
    await append(first.source);
    const incoming = await waitForMessage(api.dataSource, first.messageId);

    const sent = await reply(incoming.conversationId, 'It ships today.');
    const [received] = await smtp.waitForMessages(1);
    expect(received.envelope.to).toEqual(['jane@customer.example']);
    expect(received.parsed.inReplyTo).toBe(first.messageId);
    expect(received.parsed.references).toBe(first.messageId);
    expect(received.parsed.subject).toMatch(/^Re: Where is my order\? \[SB-[0-9a-z]{26}\]$/);
    expect(received.parsed.from?.value[0].address).toBe(SUPPORT.user);
    expect(received.parsed.from?.value[0].name).toMatch(/\(Acme Support\)$/);
    // The mail quotes the message it answers under the reply (the timeline does not).
    expect(received.parsed.text?.trim()).toMatch(
      /^It ships today\.\n\nOn .+, Jane Customer <jane@customer\.example> wrote:\n> Order 77 is late\.$/,
    );
    expect(received.parsed.html).toContain('It ships today.');
    const ourId = received.parsed.messageId ?? '';
    expect(ourId).toMatch(
      new RegExp(`^<conv-${incoming.conversationId}\\.${sent.id}@example\\.test>$`),
    );

    await eventually(
      async () => (await messageByExternalId(api.dataSource, ourId))?.deliveryStatus === 'sent',
    );
    await eventually(
      async () => (await dovecot.mailboxStatus(SUPPORT.user, 'Sent')).messages === 1,
      10_000,
      'Sent copy',
    );

    // Their mail client answers our reply: In-Reply-To is our Message-ID.
    const answer = customerMail({
      subject: 'Re: Where is my order?',
      text: 'Thanks!',
      inReplyTo: ourId,
      references: [first.messageId, ourId],
    });
    await append(answer.source);
    expect((await waitForMessage(api.dataSource, answer.messageId)).conversationId).toBe(
      incoming.conversationId,
    );

    // A bounce for our reply marks it failed with the reason, and opens no conversation.
    const conversations = await api.dataSource.getRepository(ConversationEntity).count();
    const dsn = readFileSync(join(FIXTURES, 'bounce/dsn-failed.eml'), 'utf8').replace(
      /<conv-3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b\.msg-0001@support\.example\.test>/g,
      ourId,
    );
    await append(dsn);
    const failed = await eventually(async () => {
      const m = await messageByExternalId(api.dataSource, ourId);
      return m?.deliveryStatus === 'failed' && m;
    });
    expect(failed.failureReason).toContain('550 5.1.1');
    expect(await api.dataSource.getRepository(ConversationEntity).count()).toBe(conversations);
  });

  it('marks a reply failed with the reason when the SMTP server rejects it', async () => {
    const mail = customerMail({
      subject: 'Rejected one',
      text: 'hi',
      from: 'gone@customer.example',
    });
    await append(mail.source);
    const incoming = await waitForMessage(api.dataSource, mail.messageId);
    smtp.reject({
      stage: 'rcpt',
      code: 550,
      message: '5.1.1 No such user here',
      recipient: 'gone@customer.example',
    });
    try {
      const sent = await reply(incoming.conversationId, 'Hello?');
      const failed = await eventually(async () => {
        const row = await api.dataSource.getRepository(MessageEntity).findOneBy({ id: sent.id });
        return row?.deliveryStatus === 'failed' && row;
      });
      expect(failed.failureReason).toContain('No such user here');
    } finally {
      smtp.accept();
    }
  });

  it('continues a web chat conversation when the customer answers its offline email', async () => {
    const { customer } = await createApiInbox(admin, 'Chat-like');
    await customer.say('Hello from chat', 'chat-1', { id: 'visitor-9', name: 'Vis' });
    const chatMessage = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ externalId: 'chat-1' });
    const answer = customerMail({
      subject: 'Re: New reply to your chat (#1)',
      text: 'Answering by email',
      inReplyTo: `<webchat.${chatMessage.conversationId}.m1@chat.example.test>`,
    });
    await append(answer.source);
    expect((await waitForMessage(api.dataSource, answer.messageId)).conversationId).toBe(
      chatMessage.conversationId,
    );
  });
});
