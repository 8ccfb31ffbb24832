import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { EmailChannelAdapter, type EmailInboxContext } from '../email-channel.adapter';
import { parseRawEmail } from '../parse/email-parser';
import { testSettings } from '../testing-fixtures';
import { startSmtpSink, type SmtpSink } from '../testing-smtp-sink';
import type { EmailOutboundMessage } from './reply-composer';

describe('EmailChannelAdapter.send over SMTP', () => {
  let sink: SmtpSink;
  const conversationId = randomUUID();
  const copies: Buffer[] = [];
  const adapter = new EmailChannelAdapter({
    sentCopies: { append: async (raw) => void copies.push(raw) },
  });

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  const ctx = (
    overrides: Partial<EmailInboxContext['settings']> = {},
    smtpPassword = 'smtp-pw',
  ): EmailInboxContext => ({
    inboxId: 'inbox-1',
    publicUrl: 'http://127.0.0.1',
    settings: testSettings({
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: 'support' },
      ...overrides,
    }),
    secrets: { imapPassword: 'x', smtpPassword },
  });

  const message = (overrides: Partial<EmailOutboundMessage> = {}): EmailOutboundMessage => ({
    idempotencyKey: randomUUID(),
    conversation: {
      id: conversationId,
      number: 42,
      subject: 'Order 1234 arrived broken',
      threadExternalIds: [
        '<first@customer.example>',
        'not-an-email-id',
        '<second@customer.example>',
      ],
    },
    recipient: {
      externalId: 'jane@customer.example',
      name: 'Jane',
      email: 'jane@customer.example',
      phone: null,
    },
    sender: { name: 'Alice' },
    text: 'We are sending a replacement today.\nAlice',
    html: null,
    attachments: [
      {
        filename: 'label.pdf',
        contentType: 'application/pdf',
        size: 9,
        read: async () => Buffer.from('%PDF-1.4\n'),
        signedUrl: () => 'https://switchboard.test/api/files/f/label.pdf',
      },
    ],
    ...overrides,
  });

  it('threads the reply for the customer client: Message-ID, In-Reply-To, References, Re: subject, operator in From', async () => {
    const msg = message();
    const result = await adapter.send(msg, ctx());
    if (!result.ok) throw result.error;
    const mail = sink.received.at(-1);
    expect(mail?.messageId).toBe(
      `<conv-${conversationId}.${msg.idempotencyKey}@support.example.test>`,
    );
    expect(result.externalId).toBe(mail?.messageId);
    expect(mail?.inReplyTo).toBe('<second@customer.example>');
    expect(mail?.references).toEqual(['<first@customer.example>', '<second@customer.example>']);
    expect(mail?.subject).toMatch(/^Re: Order 1234 arrived broken \[SB-[0-9a-z]{26}\]$/);
    expect(mail?.from?.value[0]).toEqual({
      name: 'Alice (Acme Support)',
      address: 'support@support.example.test',
    });
    expect(mail?.text?.trim()).toBe('We are sending a replacement today.\nAlice');
    expect(mail?.html).toContain('We are sending a replacement today.<br>Alice');
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['label.pdf', 'application/pdf'],
    ]);
    expect(mail?.headers.get('x-auto-response-suppress')).toBe('OOF, AutoReply');
    expect(mail?.headers.get('auto-submitted')).toBeUndefined();
    // The Sent copy waits until the core has stored the outcome, then gets the exact bytes.
    const before = copies.length;
    await result.afterRecorded?.();
    expect(copies.length).toBe(before + 1);
    expect(
      copies
        .at(-1)
        ?.toString()
        .replace(/\r\n[ \t]+/g, ' '),
    ).toContain(`Message-ID: ${mail?.messageId}`);
  });

  it('a reply to our reply threads back to the conversation, even through a client that drops headers', async () => {
    const result = await adapter.send(message(), ctx());
    if (!result.ok) throw result.error;
    const sent = sink.received.at(-1);
    const customerReply = Buffer.from(
      `From: jane@customer.example\r\nSubject: ${sent?.subject}\r\nMessage-ID: <r@customer.example>\r\n\r\nthanks\r\n`,
    );
    const [event] = await parseRawEmail(
      { source: customerReply },
      { inboxId: 'inbox-1', settings: ctx().settings },
    );
    expect(event.type === 'message' && event.thread?.conversationToken).toBe(conversationId);
  });

  it('marks automatic mail Auto-Submitted: auto-replied and uses a plus-address Reply-To when enabled', async () => {
    const result = await adapter.send(
      message({ automatic: true }),
      ctx({ replyToToken: true, subjectToken: false }),
    );
    if (!result.ok) throw result.error;
    const mail = sink.received.at(-1);
    expect(mail?.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail?.replyTo?.value[0].address).toMatch(
      /^support\+sb-[0-9a-z]{26}@support\.example\.test$/,
    );
    expect(mail?.subject).toBe('Re: Order 1234 arrived broken');
  });

  it('does not stack "Re:" and gives subject-less conversations one', async () => {
    await adapter.send(
      message({
        conversation: {
          id: conversationId,
          number: 7,
          subject: 'AW: Lieferung',
          threadExternalIds: [],
        },
      }),
      ctx({ subjectToken: false }),
    );
    expect(sink.received.at(-1)?.subject).toBe('AW: Lieferung');
    await adapter.send(
      message({
        conversation: { id: conversationId, number: 7, subject: null, threadExternalIds: [] },
      }),
      ctx({ subjectToken: false }),
    );
    expect(sink.received.at(-1)?.subject).toBe('Re: Your conversation #7');
  });

  it('maps SMTP failures to channel errors', async () => {
    const rcpt = await adapter.send(
      message({
        recipient: {
          externalId: 'unknown@customer.example',
          name: null,
          email: 'unknown@customer.example',
          phone: null,
        },
      }),
      ctx(),
    );
    expect(rcpt.ok === false && [rcpt.error.code, rcpt.error.retryable]).toEqual([
      'INVALID_RECIPIENT',
      false,
    ]);
    expect(rcpt.ok === false && rcpt.error.message).toContain('No such user');

    const auth = await adapter.send(message(), ctx({}, 'wrong'));
    expect(auth.ok === false && auth.error.code).toBe('AUTH_FAILED');

    sink.failNext(554, '5.7.1 Message rejected as spam');
    const content = await adapter.send(message(), ctx());
    expect(content.ok === false && [content.error.code, content.error.retryable]).toEqual([
      'CONTENT_REJECTED',
      false,
    ]);

    const closedPort = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => resolve(port));
      });
    });
    const down = await adapter.send(
      message(),
      ctx({ smtp: { host: '127.0.0.1', port: closedPort, security: 'none', user: 'support' } }),
    );
    expect(down.ok === false && [down.error.code, down.error.retryable]).toEqual([
      'UNAVAILABLE',
      true,
    ]);
  });

  it('reports a connection lost after the whole message went out as OUTCOME_UNKNOWN, never retryable', async () => {
    const before = sink.received.length;
    sink.dropNextAnswer();
    const lost = await adapter.send(message(), ctx());
    // The server kept it: sending again could deliver it twice, so the core must not retry.
    expect(sink.received.length).toBe(before + 1);
    expect(lost.ok === false && [lost.error.code, lost.error.retryable]).toEqual([
      'OUTCOME_UNKNOWN',
      false,
    ]);
    expect(lost.ok === false && lost.error.message).toMatch(/may have been delivered/);
  });

  it('refuses a contact without an email address before touching the network', async () => {
    const result = await adapter.send(
      message({ recipient: { externalId: 'visitor:123', name: null, email: null, phone: null } }),
      ctx(),
    );
    expect(result.ok === false && result.error.code).toBe('INVALID_RECIPIENT');
  });

  it('a failing Sent copy never fails the send', async () => {
    const errors: unknown[] = [];
    const flaky = new EmailChannelAdapter({
      sentCopies: { append: async () => Promise.reject(new Error('IMAP down')) },
      onSentCopyError: (err) => errors.push(err),
    });
    const result = await flaky.send(message(), ctx());
    expect(result.ok).toBe(true);
    if (result.ok) await result.afterRecorded?.();
    expect(errors).toHaveLength(1);
  });
});
