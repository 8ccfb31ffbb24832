import {
  ChannelInputError,
  inboundEventSchema,
  type InboundMessageEvent,
} from '@switchboard/channels-core';
import {
  FIXTURE_CONVERSATION_ID,
  FIXTURE_OUR_MESSAGE_ID,
  fixture,
  testSettings,
} from '../testing-fixtures';
import { parseRawEmail, type RawEmail } from './email-parser';

const ctx = { inboxId: 'inbox-1', settings: testSettings() };

async function parseOne(path: string, extra: Partial<RawEmail> = {}): Promise<InboundMessageEvent> {
  const events = await parseRawEmail({ source: fixture(path), ...extra }, ctx);
  expect(events).toHaveLength(1);
  // Whatever we produce must pass the core's own schema.
  inboundEventSchema.parse(events[0]);
  const [event] = events;
  if (event.type !== 'message') throw new Error(`expected a message event, got ${event.type}`);
  return event;
}

describe('parseRawEmail', () => {
  it('threads a plain-text reply and folds the quote and signature away from the new text', async () => {
    const event = await parseOne('inbound/plain-reply.eml');
    expect(event.externalId).toBe('<reply-1@customer.example>');
    expect(event.sender).toEqual({
      externalId: 'jane@customer.example',
      email: 'jane@customer.example',
      name: 'Jane Customer',
    });
    expect(event.text).toBe('Thanks, the replacement works now.\n\nBest,');
    expect(event.html).toContain('<blockquote class="sb-quote">');
    expect(event.html).toContain('<div class="sb-signature">Jane Customer');
    expect(event.thread?.references).toEqual([
      FIXTURE_OUR_MESSAGE_ID,
      '<first-1@customer.example>',
    ]);
    expect(event.thread?.conversationToken).toBe(FIXTURE_CONVERSATION_ID);
    // Our token is not part of the stored subject.
    expect(event.subject).toBe('Re: Order 1234 arrived broken');
    expect(event.automated).toBe(false);
    expect(event.sentAt).toEqual(new Date('2026-11-03T10:15:00Z'));
  });

  it('decodes Cyrillic KOI8-R headers and body', async () => {
    const event = await parseOne('inbound/cyrillic-koi8r.eml');
    expect(event.subject).toBe('Заказ не пришёл');
    expect(event.sender.name).toBe('Иван Петров');
    expect(event.text).toContain('Мой заказ номер 555 до сих пор не пришёл.');
  });

  it('decodes Arabic windows-1256 quoted-printable', async () => {
    const event = await parseOne('inbound/arabic-windows1256.eml');
    expect(event.subject).toBe('استفسار عن الطلب');
    expect(event.sender.name).toBe('أحمد');
    expect(event.text).toBe('مرحبا، أين طلبي؟ شكرا لكم');
  });

  it('decodes a subject mixing charsets and a multipart body with different charsets', async () => {
    const event = await parseOne('inbound/mixed-charsets.eml');
    expect(event.subject).toBe('Grüße и привет مرحبا');
    expect(event.sender.name).toBe('José Müller');
    expect(event.text).toBe('Grüße aus Köln');
    expect(event.html).toBe('<p>Grüße aus Köln, и привет, مرحبا</p>');
  });

  it('sanitizes hostile HTML: no script, handlers, javascript: links, frames, forms or remote loads', async () => {
    const event = await parseOne('inbound/hostile-html.eml');
    const html = event.html ?? '';
    expect(html).not.toMatch(
      /<script|onload|onclick|onerror|javascript:|<iframe|<form|<input|<style|<svg|<title/i,
    );
    expect(html).not.toMatch(/url\(/i);
    // Remote image: address kept for a consented load, nothing fetched.
    expect(html).toContain('data-src="https://evil.example/pixel.gif"');
    expect(html).not.toMatch(/\ssrc="https?:/);
    expect(html).toContain('<img src="cid:logo@local" />');
    expect(html).toContain(
      'href="https://ok.example/page" target="_blank" rel="noopener noreferrer nofollow"',
    );
    expect(html).toContain('<p style="color:red">Hello <b>there</b></p>');
    expect(html).toContain('<div style="width:100px;color:blue">styled</div>');
  });

  it('marks Gmail quotes for folding in HTML and text', async () => {
    const event = await parseOne('inbound/gmail-html-reply.eml');
    expect(event.text).toBe('One more question: can I keep the broken one?');
    expect(event.html).toMatch(/<div class="sb-quote">/);
  });

  it('folds the quote of an HTML-only reply out of its text', async () => {
    const source = Buffer.from(
      'From: h@example.org\r\nSubject: Re: x\r\nMessage-ID: <h1@example.org>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
        '<div>Yes, that works.</div><div class="gmail_quote">On Mon, Bob wrote:<blockquote>Does it work?</blockquote></div>\r\n',
    );
    const [event] = await parseRawEmail({ source }, ctx);
    expect(event.type === 'message' && event.text).toBe('Yes, that works.');
    expect(event.type === 'message' && event.html).toContain('Does it work?');
  });

  it('folds an Outlook header block', async () => {
    const event = await parseOne('inbound/outlook-reply.eml');
    expect(event.text).toBe('Danke, das passt so.\n\nGruß Dirk');
  });

  it('keeps inline images by Content-ID and stores attachments under the type their bytes prove', async () => {
    const event = await parseOne('inbound/attachments-inline.eml');
    expect(event.html).toContain('src="cid:shot1@example.com"');
    const byName = Object.fromEntries((event.attachments ?? []).map((a) => [a.filename, a]));
    expect(byName['shot.png']).toMatchObject({
      contentType: 'image/png',
      contentId: 'shot1@example.com',
    });
    // Declared image/png, bytes are a PDF.
    expect(byName['invoice.png'].contentType).toBe('application/pdf');
    // Declared PDF, bytes are a Windows executable; the path in the name is dropped.
    expect(byName['report.pdf'].contentType).toBe('application/x-msdownload');
    // Active content is never stored under a type a browser would render.
    expect(byName['page.html'].contentType).toBe('application/octet-stream');
    // HTML-only mail still gets readable text for previews and search.
    expect(event.text).toContain('See the screenshot:');
  });

  it('drops attachments above the size limit with a visible note', async () => {
    const small = { inboxId: 'inbox-1', settings: testSettings({ maxAttachmentBytes: 1024 }) };
    const big = Buffer.alloc(4096, 1).toString('base64').replace(/.{76}/g, '$&\r\n');
    const source = Buffer.from(
      'From: a@example.org\r\nTo: support@support.example.test\r\nSubject: big\r\nMessage-ID: <big@example.org>\r\n' +
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n' +
        `--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--b--\r\n`,
    );
    const [event] = await parseRawEmail({ source }, small);
    if (event.type !== 'message') throw new Error('expected message');
    expect(event.attachments).toEqual([]);
    expect(event.text).toContain('"big.bin" (4 KB) was not stored: larger than 1 KB');
  });

  it('synthesises a stable Message-ID when the header is missing', async () => {
    const a = await parseOne('malformed/missing-message-id.eml');
    const b = await parseOne('malformed/missing-message-id.eml');
    expect(a.externalId).toMatch(/^<sb-[0-9a-f]{40}@missing-message-id\.invalid>$/);
    expect(b.externalId).toBe(a.externalId);
  });

  it('stores broken MIME and unknown charsets as well as it can', async () => {
    const broken = await parseOne('malformed/broken-mime.eml');
    expect(broken.text).toContain('Hello from a broken message');
    const unknown = await parseOne('malformed/unknown-charset.eml');
    expect(unknown.text).toContain('Plain words with a byte');
    expect(unknown.subject).toContain('world');
  });

  it('keeps the words of a multipart whose boundary is missing or unused, saying so', async () => {
    const head = (contentType: string) =>
      [
        'From: a@customer.example',
        'To: support@support.example.test',
        'Subject: Broken',
        'Message-ID: <broken-boundary@customer.example>',
        'MIME-Version: 1.0',
        `Content-Type: ${contentType}`,
        '',
        '',
      ].join('\r\n');
    const part =
      '--xyz\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nМой заказ не пришёл\r\n--xyz--\r\n';
    for (const contentType of ['multipart/mixed; boundary="abc"', 'multipart/mixed']) {
      const [event] = await parseRawEmail({ source: Buffer.from(head(contentType) + part) }, ctx);
      if (event?.type !== 'message') throw new Error('expected a message');
      expect(event.text).toContain('Мой заказ не пришёл');
      expect(event.text).toContain('structure is broken');
      expect(event.text).not.toContain('Content-Type');
      expect(event.text).not.toContain('--xyz');
    }
    // An attachment alone is not "broken": its encoded bytes never become text.
    const pdf =
      '--q\r\nContent-Type: application/pdf; name="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n' +
      'Content-Disposition: attachment; filename="a.pdf"\r\n\r\nJVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\r\n--q--\r\n';
    const [only] = await parseRawEmail(
      { source: Buffer.from(head('multipart/mixed; boundary="q"') + pdf) },
      ctx,
    );
    if (only?.type !== 'message') throw new Error('expected a message');
    expect(only.text ?? '').not.toContain('structure is broken');
    expect(only.attachments).toHaveLength(1);
  });

  it('refuses mail without any sender address, with a reason', async () => {
    await expect(parseRawEmail({ source: fixture('malformed/no-from.eml') }, ctx)).rejects.toThrow(
      ChannelInputError,
    );
    await expect(parseRawEmail({ source: Buffer.alloc(0) }, ctx)).rejects.toThrow('empty message');
  });

  it('falls back to the server date when the Date header is absurd', async () => {
    const source = Buffer.from(
      'From: a@example.org\r\nDate: Mon, 1 Jan 2199 00:00:00 +0000\r\nSubject: x\r\n\r\nhi\r\n',
    );
    const receivedAt = new Date('2026-11-01T00:00:00Z');
    const [event] = await parseRawEmail({ source, receivedAt }, ctx);
    expect(event.type === 'message' && event.sentAt).toEqual(receivedAt);
  });

  it('ignores our own mail coming back', async () => {
    const own = Buffer.from(
      `From: Alice (Acme Support) <support@support.example.test>\r\nTo: x@example.org\r\nSubject: Re: hi\r\n` +
        `Message-ID: ${FIXTURE_OUR_MESSAGE_ID}\r\n\r\nhello\r\n`,
    );
    expect(await parseRawEmail({ source: own }, ctx)).toEqual([]);
    const tagged = Buffer.from(
      'From: someone@example.org\r\nX-Switchboard-Inbox: inbox-1\r\nSubject: x\r\n\r\nhello\r\n',
    );
    expect(await parseRawEmail({ source: tagged }, ctx)).toEqual([]);
  });

  it('finds the conversation from a subject token or a plus-address when headers were dropped', async () => {
    const subjectOnly = Buffer.from(
      'From: c@example.org\r\nSubject: Re: Help [SB-1zhr4ax4jd9qm3tnpwd3s5hvqb]\r\nMessage-ID: <s1@example.org>\r\n\r\nanswer\r\n',
    );
    const [a] = await parseRawEmail({ source: subjectOnly }, ctx);
    expect(a.type === 'message' && a.thread?.conversationToken).toMatch(/^[0-9a-f-]{36}$/);
    const plus = Buffer.from(
      'From: c@example.org\r\nTo: support+sb-1zhr4ax4jd9qm3tnpwd3s5hvqb@support.example.test\r\nSubject: Re: Help\r\nMessage-ID: <s2@example.org>\r\n\r\nanswer\r\n',
    );
    const [b] = await parseRawEmail({ source: plus }, ctx);
    expect(b.type === 'message' && b.thread?.conversationToken).toBe(
      a.type === 'message' && a.thread?.conversationToken,
    );
  });

  it('continues a web chat conversation when the customer answers its offline email', async () => {
    const source = Buffer.from(
      `From: visitor@example.org\r\nSubject: Re: New reply to your chat (#7)\r\nMessage-ID: <v1@example.org>\r\n` +
        `In-Reply-To: <webchat.${FIXTURE_CONVERSATION_ID}.m1@chat.example.test>\r\n\r\nthanks!\r\n`,
    );
    const [event] = await parseRawEmail({ source }, ctx);
    expect(event.type === 'message' && event.thread?.conversationToken).toBe(
      FIXTURE_CONVERSATION_ID,
    );
  });
});

describe('parseRawEmail: HTML it will not keep', () => {
  const htmlMail = (html: string) =>
    parseRawEmail(
      {
        source: Buffer.from(
          `From: a@customer.example\r\nMessage-ID: <h@customer.example>\r\n` +
            `Content-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`,
        ),
      },
      ctx,
    ).then(([event]) => {
      inboundEventSchema.parse(event);
      if (event.type !== 'message') throw new Error(event.type);
      return event;
    });
  const NOTE =
    "[This email's formatting was too large or too deeply nested to display safely; it is shown as plain text.]";

  it('shows HTML nested too deep to sanitize in bounded time as its words, with a note', async () => {
    const event = await htmlMail(`<p>Hello there</p>${'<div>'.repeat(600)}deep words`);
    expect(event.text).toMatch(/^Hello there\n+deep words\n\n/);
    expect(event.text?.endsWith(NOTE)).toBe(true);
    // The HTML shown is our own rendering of that text, nothing of the original markup.
    expect(event.html).toMatch(/^<div>Hello there(<br>)+deep words<br><br>\[This email/);
    expect(event.html).not.toContain('<p>');
  });

  it('does not keep sanitized HTML above 1 MB (the core re-sanitizes it on its own thread)', async () => {
    const event = await htmlMail(
      `<p>Big</p>${'<p><b>x</b> <a href="https://a.example/">y</a></p>'.repeat(20_000)}`,
    );
    expect(event.html?.startsWith('<div>Big')).toBe(true);
    expect(event.html).not.toContain('<a ');
    expect(event.text?.endsWith(NOTE)).toBe(true);
  });

  it('keeps ordinary HTML', async () => {
    const event = await htmlMail('<p>Hello <b>there</b></p>');
    expect(event.html).toBe('<p>Hello <b>there</b></p>');
    expect(event.text).toBe('Hello there');
  });
});

describe('parseRawEmail: bounces', () => {
  it('turns a DSN into a failed status for the bounced message, with the reason', async () => {
    const events = await parseRawEmail({ source: fixture('bounce/dsn-failed.eml') }, ctx);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'status',
        externalId: FIXTURE_OUR_MESSAGE_ID,
        status: 'failed',
        reason: '550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown',
      }),
    ]);
    inboundEventSchema.parse(events[0]);
  });

  it('understands a classic (non-DSN) bounce', async () => {
    const [event] = await parseRawEmail({ source: fixture('bounce/classic-qmail.eml') }, ctx);
    expect(event).toMatchObject({
      type: 'status',
      externalId: FIXTURE_OUR_MESSAGE_ID,
      status: 'failed',
      reason: '552 5.2.2 Mailbox full',
    });
  });

  it('ignores a delay notice (the server is still trying)', async () => {
    expect(await parseRawEmail({ source: fixture('bounce/dsn-delayed.eml') }, ctx)).toEqual([]);
  });

  it('refuses a bounce that names no message, instead of opening a conversation for it', async () => {
    await expect(parseRawEmail({ source: fixture('bounce/no-original.eml') }, ctx)).rejects.toThrow(
      /delivery report that names no Message-ID/,
    );
  });
});
