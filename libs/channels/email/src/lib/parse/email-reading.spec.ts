import { inboundEventSchema, type InboundMessageEvent } from '@switchboard/channels-core';
import { testSettings } from '../testing-fixtures';
import { readRawEmail } from './email-parser';
import { unknownCharsets } from './unknown-charsets';

const ctx = { inboxId: 'inbox-1', settings: { ...testSettings(), maxAttachmentBytes: 2048 } };

const inner = [
  'From: "Bob Buyer" <bob@shop.example>',
  'To: alice@customer.example',
  'Subject: Order 42 <broken>',
  'Date: Mon, 30 Nov 2026 10:00:00 +0000',
  'Message-ID: <inner@shop.example>',
  'Content-Type: multipart/mixed; boundary="in"',
  '',
  '--in',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The box arrived crushed.',
  '--in',
  'Content-Type: image/png; name="=?UTF-8?B?0YTQvtGC0L4ucG5n?="',
  "Content-Disposition: attachment; filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE.png",
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  '--in--',
].join('\r\n');

function forward(body: string, extraParts = ''): Buffer {
  return Buffer.from(
    [
      'From: Alice <alice@customer.example>',
      'To: support@example.com',
      'Subject: Fwd: Order 42',
      'Message-ID: <outer@customer.example>',
      'Content-Type: multipart/mixed; boundary="out"',
      '',
      '--out',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'See the mail below, please.',
      '--out',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      body,
      extraParts,
      '--out--',
      '',
    ].join('\r\n'),
  );
}

async function messageOf(source: Buffer) {
  const reading = await readRawEmail({ source }, ctx);
  const [event] = reading.events;
  inboundEventSchema.parse(event);
  if (event?.type !== 'message') throw new Error('expected a message');
  return { event: event as InboundMessageEvent, notes: reading.notes };
}

describe('readRawEmail: forwarded mail', () => {
  it('shows a forwarded message inline with its sender, date, subject, text and attachments', async () => {
    const { event, notes } = await messageOf(forward(inner));
    // Text: the customer's words, then the forwarded message with its headers.
    expect(event.text).toContain('See the mail below, please.');
    expect(event.text).toContain('---------- Forwarded message ----------');
    expect(event.text).toContain('From: Bob Buyer <bob@shop.example>');
    expect(event.text).toContain('Subject: Order 42 <broken>');
    expect(event.text).toContain('Date: Mon, 30 Nov 2026 10:00:00 GMT');
    expect(event.text).toContain('The box arrived crushed.');
    // HTML: a block of its own, headers escaped.
    expect(event.html).toContain('<div class="sb-forwarded">');
    expect(event.html).toContain('<b>Subject:</b> Order 42 &lt;broken&gt;');
    expect(event.html).toContain('The box arrived crushed.');
    // Its attachment keeps its decoded name (RFC 2231); the original is a named .eml, not .bin.
    const names = (event.attachments ?? []).map((a) => a.filename).sort();
    expect(names).toEqual(['Order 42 _broken_.eml', 'фото.png']);
    expect(notes).toEqual([]);
  });

  it('reads a forward inside a forward, and keeps an unreadable one as a download', async () => {
    const twice = forward(
      [
        'From: Carol <carol@customer.example>',
        'Subject: Fwd: Order 42',
        'Content-Type: multipart/mixed; boundary="mid"',
        '',
        '--mid',
        'Content-Type: text/plain',
        '',
        'Forwarding what Bob sent.',
        '--mid',
        'Content-Type: message/rfc822',
        '',
        inner,
        '--mid--',
      ].join('\r\n'),
    );
    const { event } = await messageOf(twice);
    expect(event.text).toContain('Forwarding what Bob sent.');
    expect(event.text).toContain('The box arrived crushed.');
    expect(event.html?.split('class="sb-forwarded"')).toHaveLength(3);

    const { event: empty } = await messageOf(forward('\r\n'));
    expect(empty.text).toContain('See the mail below, please.');
    expect(empty.html).not.toContain('sb-forwarded');
    expect((empty.attachments ?? []).map((a) => a.filename)).toEqual(['attachment-1.bin']);
  });
});

describe('readRawEmail: what the sync log hears', () => {
  const plain = (headers: string, body = 'Hello') =>
    Buffer.from(
      `From: Jane <jane@customer.example>\r\nTo: support@example.com\r\nSubject: Hi\r\nMessage-ID: <n@customer.example>\r\n${headers}\r\n${body}\r\n`,
    );

  it('says nothing about an ordinary mail', async () => {
    expect((await messageOf(plain(''))).notes).toEqual([]);
  });

  it('names automated mail, an unknown charset and an attachment over the limit', async () => {
    const { notes: automated } = await messageOf(plain('Auto-Submitted: auto-replied\r\n'));
    expect(automated).toEqual([
      { action: 'automated', reason: 'Stored, marked automated (auto-submitted)' },
    ]);

    const { event, notes } = await messageOf(
      plain('Content-Type: text/plain; charset="x-klingon-7"\r\n', 'Qapla'),
    );
    expect(event.text).toContain('Qapla');
    expect(notes).toEqual([
      {
        action: 'simplified',
        reason:
          'Written in a character set we cannot decode (x-klingon-7): some characters may show as �',
      },
    ]);

    const big = 'A'.repeat(4000);
    const withFile = forward(
      'From: x@y.example\r\nSubject: s\r\n\r\nbody',
      `--out\r\nContent-Type: application/pdf; name="big.pdf"\r\nContent-Disposition: attachment; filename="big.pdf"\r\n\r\n${big}`,
    );
    const { notes: capped } = await messageOf(withFile);
    expect(capped).toEqual([
      {
        action: 'simplified',
        reason: 'Attachment "big.pdf" (4 KB) was not stored: larger than 2 KB.',
      },
    ]);
  });

  it('says why nothing was stored: our own mail coming back, a delay notice', async () => {
    const own = await readRawEmail(
      { source: plain('X-Switchboard-Inbox: inbox-1\r\n') },
      { ...ctx, inboxId: 'inbox-1' },
    );
    expect(own).toEqual({
      events: [],
      notes: [{ action: 'skipped', reason: 'Our own message coming back (sent from this inbox)' }],
    });
  });
});

describe('unknownCharsets', () => {
  it('knows the usual charsets and names the others once', () => {
    const mail = Buffer.from(
      'Content-Type: text/plain; charset=UTF-8\r\ncharset="koi8-r" charset=windows-1256 charset=iso-2022-jp ' +
        'charset=x-nope charset="x-nope" charset=\r\n',
    );
    expect(unknownCharsets(mail)).toEqual(['x-nope']);
  });

  it('stays linear on hostile input', () => {
    const hostile = Buffer.from('charset='.repeat(200_000) + 'a'.repeat(1_000_000));
    const started = process.cpuUsage(); // CPU time: a busy machine may not schedule us
    unknownCharsets(hostile);
    // Linear: a quarter of a second is a generous bound for 2.6 MB on a loaded machine.
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2_000);
  });
});
