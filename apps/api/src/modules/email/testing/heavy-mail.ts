import type { RawEmail } from '@switchboard/channels-email';

/**
 * A legitimate mail that is simply expensive to parse: 50 MB of text (under the 60 MB download
 * limit) with a 1.9 MB HTML alternative, about 1.5 s of linear work for mailparser and the
 * sanitizer on this machine, against a few milliseconds for an ordinary mail. Tests give the
 * parser a budget well between the two to exercise the path every runaway takes, without
 * depending on a parser bug.
 */
export function heavyMailSource(messageId = '<heavy@customer.example>'): string {
  const line = `${'All work and no play makes Jack a dull boy. '.repeat(2)}\r\n`;
  const paragraph =
    '<p style="color:#333" title="t"><b>x</b> <a href="https://a.example/">y</a></p>';
  return [
    'From: Heavy Sender <heavy@customer.example>',
    'To: support@example.test',
    'Subject: A very heavy message',
    `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary=heavy',
    '',
    '--heavy',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `The words of the heavy message.\r\n${line.repeat(550_000)}`,
    '--heavy',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<p>The words of the heavy message.</p>${paragraph.repeat(24_000)}`,
    '--heavy--',
    '',
  ].join('\r\n');
}

export function heavyMail(messageId?: string): RawEmail {
  return { source: Buffer.from(heavyMailSource(messageId)), uid: 99 };
}
