import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { parseRawEmail } from '../parse/email-parser';
import { testSettings } from '../testing-fixtures';
import { composeReply, type EmailOutboundMessage } from './reply-composer';

/** Composing a reply as a mail client would: Cc, Bcc kept out of the bytes, quote and signature. */
describe('composeReply: copies, quote and signature', () => {
  const ctx = { inboxId: 'inbox-1', publicUrl: 'http://127.0.0.1', secrets: {} as never };
  const settings = testSettings();

  const message = (overrides: Partial<EmailOutboundMessage> = {}): EmailOutboundMessage => ({
    idempotencyKey: randomUUID(),
    conversation: { id: randomUUID(), number: 3, subject: 'Broken lid', threadExternalIds: [] },
    recipient: {
      externalId: 'jane@customer.example',
      name: 'Jane',
      email: 'jane@customer.example',
      phone: null,
    },
    sender: { name: 'Alice' },
    text: 'A new lid ships today.',
    html: null,
    attachments: [],
    copies: {
      cc: [
        { address: 'a@x.example', name: 'Ann Ex' },
        { address: 'JANE@customer.example', name: null },
        { address: 'b@y.example', name: null },
      ],
      bcc: [
        { address: 'boss@acme.example', name: 'Boss' },
        { address: 'a@x.example', name: null },
      ],
    },
    quoted: {
      author: { name: 'Jane Customer', address: 'jane@customer.example' },
      sentAt: new Date('2025-03-04T10:15:00Z'),
      text: 'The lid <b>cracked</b>.\nPlease help.',
    },
    signature: 'Alice Moreau\nAcme & Co <support>',
    ...overrides,
  });

  it('copies in Cc, blind copies in the envelope only, each address once', async () => {
    const reply = await composeReply(message(), { ...ctx, settings });
    expect(reply.envelope.to).toEqual([
      'jane@customer.example',
      'a@x.example',
      'b@y.example',
      'boss@acme.example',
    ]);
    const raw = reply.raw.toString('utf8');
    expect(raw).not.toMatch(/^bcc:/im);
    expect(raw).not.toContain('boss@acme.example');
    const mail = await simpleParser(reply.raw);
    const cc = [mail.cc ?? []].flat().flatMap((a) => a.value);
    expect(cc.map((a) => [a.name, a.address])).toEqual([
      ['Ann Ex', 'a@x.example'],
      ['', 'b@y.example'],
    ]);
    expect(mail.bcc).toBeUndefined();
  });

  it('puts the signature and the quoted message under the text, escaped in HTML', async () => {
    const mail = await simpleParser((await composeReply(message(), { ...ctx, settings })).raw);
    expect(mail.text).toBe(
      [
        'A new lid ships today.',
        '',
        '-- ',
        'Alice Moreau',
        'Acme & Co <support>',
        '',
        'On Tue, 4 Mar 2025 at 10:15 UTC, Jane Customer <jane@customer.example> wrote:',
        '> The lid <b>cracked</b>.',
        '> Please help.',
      ].join('\n'),
    );
    expect(mail.html).toContain(
      '<div class="sb-signature">-- <br><div>Alice Moreau<br>Acme &amp; Co &lt;support&gt;</div></div>',
    );
    expect(mail.html).toContain(
      'On Tue, 4 Mar 2025 at 10:15 UTC, Jane Customer &lt;jane@customer.example&gt; wrote:',
    );
    expect(mail.html).toContain('<blockquote type="cite"');
    expect(mail.html).toContain('The lid &lt;b&gt;cracked&lt;/b&gt;.<br>Please help.');
    expect(mail.html).not.toContain('<b>cracked');
  });

  it("our parser reads the customer's answer as what they just wrote, without our quote and signature", async () => {
    const sent = await simpleParser((await composeReply(message(), { ...ctx, settings })).raw);
    const answer = [
      'From: Jane <jane@customer.example>',
      'To: support@support.example.test',
      'Cc: Ann Ex <a@x.example>, b@y.example',
      'Subject: Re: Broken lid',
      'Message-ID: <answer-1@customer.example>',
      '',
      'Thanks, got it.',
      '',
      `On Tue, 4 Mar 2025, Acme Support <support@support.example.test> wrote:`,
      ...(sent.text ?? '').split('\n').map((l) => `> ${l}`),
      '',
    ].join('\r\n');
    const [event] = await parseRawEmail(
      { source: Buffer.from(answer) },
      { inboxId: 'inbox-1', settings },
    );
    expect(event.type === 'message' && event.text).toBe('Thanks, got it.');
    expect(event.type === 'message' && event.recipients).toEqual({
      to: [{ address: 'support@support.example.test', name: null }],
      cc: [
        { address: 'a@x.example', name: 'Ann Ex' },
        { address: 'b@y.example', name: null },
      ],
    });
  });

  it('sends the bare text when there is nothing to quote, sign or copy', async () => {
    const reply = await composeReply(message({ copies: null, quoted: null, signature: null }), {
      ...ctx,
      settings,
    });
    const mail = await simpleParser(reply.raw);
    expect(mail.text?.trim()).toBe('A new lid ships today.');
    expect(mail.cc).toBeUndefined();
    expect(reply.envelope.to).toEqual(['jane@customer.example']);
  });

  it('refuses a copy that is not an address before touching the network', async () => {
    await expect(
      composeReply(
        message({
          copies: { cc: [{ address: 'x@y.example\r\nBcc: evil@z.example', name: null }], bcc: [] },
        }),
        { ...ctx, settings },
      ),
    ).rejects.toMatchObject({ code: 'INVALID_RECIPIENT' });
  });
});
