import { ImapFlow } from 'imapflow';
import type { EmailReplyContextDto, MessageDto } from '@switchboard/contracts';
import {
  createApiInbox,
  createTestDatabase,
  loginAs,
  startDovecot,
  startSmtpPeer,
  type ApiClient,
  type DovecotServer,
  type SmtpPeer,
  type TestApi,
  type TestDatabase,
  startTestApi,
} from '@switchboard/testing';
import { ContactEntity } from '../contacts/entities/contact.entity';
import { MessageEntity } from '../messages/entities/message.entity';
import {
  customerMail,
  emailInboxBody,
  eventually,
  messageByExternalId,
  SUPPORT,
  useFastEmailSync,
  waitForMessage,
} from '../email/testing/email-test-kit';

const JANE = 'Jane Customer <jane@customer.example>';
const ANN = { address: 'a@x.example', name: 'Ann Ex' };
const BOB = { address: 'b@y.example', name: null };

/** The last mail in a Dovecot mailbox, as bytes. */
async function lastMailIn(dovecot: DovecotServer, mailbox: string): Promise<string> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: SUPPORT.user, pass: SUPPORT.password },
    logger: false,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const message = await client.fetchOne('*', { source: true });
      return message ? (message.source?.toString('utf8') ?? '') : '';
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('email: Cc, Bcc, reply all, quote and signature (real Dovecot and SMTP peer)', () => {
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let db: TestDatabase;
  let api: TestApi;
  let admin: ApiClient;

  const append = (source: string) => dovecot.appendMessage(SUPPORT.user, 'INBOX', source);
  const send = (conversationId: string, body: Record<string, unknown>) =>
    admin.request<{ code: string; message: string } & MessageDto>(
      'POST',
      `/api/conversations/${conversationId}/messages`,
      body,
    );

  beforeAll(async () => {
    useFastEmailSync();
    dovecot = await startDovecot({ users: [SUPPORT] });
    smtp = await startSmtpPeer();
    db = await createTestDatabase();
    api = await startTestApi({ databaseUrl: db.url });
    admin = (await loginAs(api.baseUrl)).client;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
    await smtp?.close();
    await dovecot?.stop();
  });

  it('refuses signatures with placeholders nothing fills, saying which', async () => {
    const badInbox = emailInboxBody(dovecot, smtp, { signature: 'Hi {{contact.name}}' });
    const inboxRes = await admin.request<{ message: string }>('POST', '/api/inboxes', badInbox);
    expect(inboxRes.status).toBe(400);
    expect(inboxRes.body.message).toContain('unknown placeholder {{contact.name}}');
    const own = await admin.request<{ message: string }>('PUT', '/api/operators/me/signature', {
      signature: '{{operator.signature}}',
    });
    expect(own.status).toBe(400);
    expect(own.body.message).toContain('unknown placeholder {{operator.signature}}');
  });

  it('keeps the Cc list, replies to all with a Bcc in the envelope only, quotes and signs; a Cc answer threads in', async () => {
    const inbox = await admin.ok<{ id: string }>(
      'POST',
      '/api/inboxes',
      emailInboxBody(dovecot, smtp, {
        signature: '{{operator.signature}}\n{{inbox.name}} · {{inbox.address}}',
      }),
    );
    expect(inbox.id).toBeDefined();
    const me = await admin.ok<{ name: string; email: string }>('GET', '/api/auth/me');
    expect(
      await admin.ok('PUT', '/api/operators/me/signature', {
        signature: '  {{operator.name}} <{{ operator.email }}>  ',
      }),
    ).toEqual({ signature: '{{operator.name}} <{{ operator.email }}>' });

    // The customer writes with two people in Cc.
    const first = customerMail({
      from: JANE,
      subject: 'Order question',
      text: 'Order 77 is late.\nPlease check.',
      headers: { Cc: 'Ann Ex <a@x.example>, b@y.example' },
    });
    await append(first.source);
    const incoming = await waitForMessage(api.dataSource, first.messageId);
    const conversationId = incoming.conversationId;
    expect(incoming.emailRecipients).toEqual({
      to: [{ address: SUPPORT.user, name: 'Acme Support' }],
      cc: [ANN, BOB],
    });

    // The composer is offered "Reply all" and the signature it will add.
    const context = await admin.ok<EmailReplyContextDto>(
      'GET',
      `/api/conversations/${conversationId}/email-reply`,
    );
    const signature = `${me.name} <${me.email}>\nSupport mail · ${SUPPORT.user}`;
    expect(context).toEqual({
      to: { address: 'jane@customer.example', name: 'Jane Customer' },
      replyAll: [ANN, BOB],
      signature,
    });

    // Reply all, plus a blind copy.
    const sent = await send(conversationId, {
      text: 'It ships today.',
      cc: context.replyAll,
      bcc: ['Boss@Acme.example'],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.text).toBe('It ships today.');
    expect(sent.body.emailRecipients).toEqual({
      cc: [ANN, BOB],
      bcc: [{ address: 'boss@acme.example', name: null }],
    });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail.envelope.to).toEqual([
      'jane@customer.example',
      'a@x.example',
      'b@y.example',
      'boss@acme.example',
    ]);
    expect([mail.parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual([
      'jane@customer.example',
    ]);
    expect([mail.parsed.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address))).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
    expect(mail.raw.toString('utf8')).not.toMatch(/bcc|boss@/i);
    expect(mail.parsed.text).toMatch(
      new RegExp(
        `^It ships today\\.\\n\\n-- \\n${escape(signature)}\\n\\nOn \\w{3}, \\d{1,2} \\w{3} \\d{4} at \\d{2}:\\d{2} UTC, Jane Customer <jane@customer\\.example> wrote:\\n> Order 77 is late\\.\\n> Please check\\.$`,
      ),
    );
    expect(mail.parsed.html).toContain('<blockquote type="cite"');
    expect(mail.parsed.html).toContain(`${me.name} &lt;${me.email}&gt;`);
    const ourId = mail.parsed.messageId ?? '';

    // The timeline keeps what the operator wrote; the Sent copy has the same bytes, no Bcc.
    const stored = await eventually(async () => {
      const m = await messageByExternalId(api.dataSource, ourId);
      return m?.deliveryStatus === 'sent' && m;
    });
    expect(stored.text).toBe('It ships today.');
    await eventually(
      async () => (await dovecot.mailboxStatus(SUPPORT.user, 'Sent')).messages === 1,
      10_000,
      'Sent copy',
    );
    const sentCopy = await lastMailIn(dovecot, 'Sent');
    expect(sentCopy).toContain(ourId);
    expect(sentCopy).not.toMatch(/bcc|boss@/i);

    // Bob, who was only copied, answers everyone: same conversation, his own contact.
    const bobAnswer = customerMail({
      from: 'Bob Why <b@y.example>',
      subject: 'Re: Order question',
      text: 'I can take the delivery.',
      inReplyTo: ourId,
      references: [first.messageId, ourId],
      headers: { Cc: `${JANE}, Ann Ex <a@x.example>` },
    });
    await append(bobAnswer.source);
    const fromBob = await waitForMessage(api.dataSource, bobAnswer.messageId);
    expect(fromBob.conversationId).toBe(conversationId);
    const bob = await api.dataSource
      .getRepository(ContactEntity)
      .findOneByOrFail({ id: fromBob.senderContactId ?? '' });
    expect([bob.name, bob.email]).toEqual(['Bob Why', 'b@y.example']);
    const timeline = await admin.ok<{ items: MessageDto[] }>(
      'GET',
      `/api/conversations/${conversationId}/messages`,
    );
    expect(timeline.items[0]?.sender).toMatchObject({ type: 'contact', name: 'Bob Why' });
    // Reply all now starts with whoever wrote last; the customer stays the To.
    const after = await admin.ok<EmailReplyContextDto>(
      'GET',
      `/api/conversations/${conversationId}/email-reply`,
    );
    expect(after.to?.address).toBe('jane@customer.example');
    expect(after.replyAll).toEqual([{ address: 'b@y.example', name: 'Bob Why' }, ANN]);

    // Ann answers from a client that dropped every threading header and our subject token.
    const annAnswer = customerMail({
      from: 'Ann Ex <a@x.example>',
      subject: 'RE: Order question',
      text: 'Thanks all.',
    });
    await append(annAnswer.source);
    expect((await waitForMessage(api.dataSource, annAnswer.messageId)).conversationId).toBe(
      conversationId,
    );
    // A stranger with the same subject still opens a conversation of their own.
    const stranger = customerMail({
      from: 'zed@else.example',
      subject: 'Re: Order question',
      text: 'Mine too?',
    });
    await append(stranger.source);
    expect((await waitForMessage(api.dataSource, stranger.messageId)).conversationId).not.toBe(
      conversationId,
    );
  });

  it('refuses bad Cc and Bcc with the reason, and copies anywhere but on an email reply', async () => {
    const mail = customerMail({ subject: 'Validation', text: 'hi' });
    await append(mail.source);
    const { conversationId } = await waitForMessage(api.dataSource, mail.messageId);
    const messagesBefore = await api.dataSource.getRepository(MessageEntity).count();
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ text: 'x', cc: ['not an address'] }, 400, /must be an email address/],
      [{ text: 'x', cc: ['a@x.example\r\nBcc: evil@x.example'] }, 400, /must be an email address/],
      [
        { text: 'x', bcc: Array.from({ length: 21 }, (_, i) => `p${i}@x.example`) },
        400,
        /At most 20 addresses/,
      ],
      [{ text: 'x', cc: [SUPPORT.user.toUpperCase()] }, 400, /this inbox's own address/],
      [{ text: 'x', cc: ['support+sb-1@example.test'] }, 400, /this inbox's own address/],
      [{ text: 'x', kind: 'note', cc: ['a@x.example'] }, 400, /A note reaches nobody/],
    ];
    for (const [body, status, reason] of cases) {
      const res = await send(conversationId, body);
      expect([JSON.stringify(body), res.status, res.body.message]).toEqual([
        JSON.stringify(body),
        status,
        expect.stringMatching(reason),
      ]);
    }
    const { customer } = await createApiInbox(admin, 'Chat');
    await customer.say('Hello from the API channel', 'api-1', { id: 'visitor-1', name: 'V' });
    const chat = await api.dataSource
      .getRepository(MessageEntity)
      .findOneByOrFail({ externalId: 'api-1' });
    const res = await send(chat.conversationId, { text: 'x', cc: ['a@x.example'] });
    expect([res.status, res.body.message]).toEqual([
      400,
      'Cc and Bcc are for email replies; this reply goes by api',
    ]);
    const ctx = await admin.request('GET', `/api/conversations/${chat.conversationId}/email-reply`);
    expect(ctx.status).toBe(400);
    expect(await api.dataSource.getRepository(MessageEntity).count()).toBe(messagesBefore + 1);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
