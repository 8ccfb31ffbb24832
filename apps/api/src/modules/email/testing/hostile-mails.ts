/**
 * Mail built to hurt a parser: a MIME tree nested far deeper than any client writes, thousands of
 * parts, a header block of megabytes, one header line of a megabyte, a charset nobody knows, and
 * all of it at once. Each still carries words a person wrote (`readable`), which must reach the
 * operator.
 */
export interface HostileMail {
  name: string;
  messageId: string;
  source: string;
  /** Words of the mail that must be kept. */
  readable: string;
  /** Whether part of it is lost, so the sync log must say why (a mail stored whole has no line). */
  logged: boolean;
}

const CRLF = '\r\n';

function headers(name: string, extra: string[] = []): string[] {
  return [
    `From: Mallory <mallory-${name}@attacker.example>`,
    'To: support@example.test',
    `Subject: Hostile ${name}`,
    `Message-ID: <hostile-${name}@attacker.example>`,
    `Date: ${new Date().toUTCString()}`,
    ...extra,
    'MIME-Version: 1.0',
  ];
}

/** multipart/mixed inside multipart/mixed, `levels` deep, the text at the bottom. */
function nested(levels: number, innermost: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < levels; i++) {
    lines.push(`Content-Type: multipart/mixed; boundary="n${i}"`, '', `--n${i}`);
  }
  lines.push(...innermost);
  for (let i = levels - 1; i >= 0; i--) lines.push(`--n${i}--`, '');
  return lines;
}

export function deeplyNestedMail(levels = 1500): HostileMail {
  const readable = 'The words at the bottom of a very deep tree';
  return {
    name: 'deep',
    messageId: '<hostile-deep@attacker.example>',
    readable,
    logged: true,
    source: [
      ...headers('deep'),
      ...nested(levels, ['Content-Type: text/plain; charset=utf-8', '', readable]),
    ].join(CRLF),
  };
}

export function manyPartsMail(parts = 5000): HostileMail {
  const readable = 'The words before five thousand parts';
  const lines = [
    ...headers('parts'),
    'Content-Type: multipart/mixed; boundary="p"',
    '',
    '--p',
    'Content-Type: text/plain; charset=utf-8',
    '',
    readable,
  ];
  for (let i = 1; i < parts; i++) {
    lines.push(
      '--p',
      i % 2 === 0
        ? `Content-Type: application/octet-stream; name="f${i}.bin"`
        : 'Content-Type: text/plain; charset=utf-8',
      ...(i % 2 === 0 ? [`Content-Disposition: attachment; filename="f${i}.bin"`] : []),
      '',
      `part ${i}`,
    );
  }
  lines.push('--p--', '');
  return {
    name: 'parts',
    messageId: '<hostile-parts@attacker.example>',
    readable,
    logged: true,
    source: lines.join(CRLF),
  };
}

/** About `bytes` of headers before the body. */
export function hugeHeaderBlockMail(bytes = 10 * 1024 * 1024): HostileMail {
  const readable = 'The words under ten megabytes of headers';
  const filler = `X-Filler: ${'h'.repeat(88)}`;
  const count = Math.ceil(bytes / (filler.length + 2));
  return {
    name: 'header-block',
    messageId: '<hostile-header-block@attacker.example>',
    readable,
    logged: true,
    source: [
      ...headers('header-block', new Array<string>(count).fill(filler)),
      'Content-Type: text/plain; charset=utf-8',
      '',
      readable,
      '',
    ].join(CRLF),
  };
}

/** One unfolded header line of about `bytes`. */
export function longHeaderLineMail(bytes = 1024 * 1024): HostileMail {
  const readable = 'The words under a one megabyte header line';
  return {
    name: 'header-line',
    messageId: '<hostile-header-line@attacker.example>',
    readable,
    logged: true,
    source: [
      ...headers('header-line', [`X-Long: ${'word '.repeat(Math.ceil(bytes / 5))}`]),
      'Content-Type: text/plain; charset=utf-8',
      '',
      readable,
      '',
    ].join(CRLF),
  };
}

export function unknownCharsetMail(): HostileMail {
  const readable = 'Words in a charset nobody knows';
  return {
    name: 'charset',
    messageId: '<hostile-charset@attacker.example>',
    readable,
    logged: true,
    source: [
      ...headers('charset'),
      'Content-Type: text/plain; charset="x-klingon-2049"',
      '',
      readable,
      '',
    ].join(CRLF),
  };
}

/**
 * Nothing broken, only big: 560 KB of HTML made of small tags (under 1 MB once sanitized, so it is kept), which sanitize-html takes a good
 * part of a second to go through. Stored whole, so nothing to log.
 */
export function largeHtmlMail(): HostileMail {
  const readable = 'The words beside a very large HTML part';
  const paragraph =
    '<p style="color:#333" title="t"><b>x</b> <a href="https://a.example/">y</a></p>';
  return {
    name: 'html',
    messageId: '<hostile-html@attacker.example>',
    readable,
    logged: false,
    source: [
      ...headers('html'),
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset=utf-8',
      '',
      readable,
      '--alt',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>${readable}</p>${paragraph.repeat(7_000)}`,
      '--alt--',
      '',
    ].join(CRLF),
  };
}

/** All of it at once: a long header line, a deep tree, many parts and an unknown charset. */
export function combinedHostileMail(): HostileMail {
  const readable = 'The words of the worst mail of all';
  const parts: string[] = ['Content-Type: multipart/mixed; boundary="c"', '', '--c'];
  parts.push('Content-Type: text/plain; charset="x-klingon-2049"', '', readable);
  for (let i = 0; i < 2000; i++) parts.push('--c', 'Content-Type: text/plain', '', `bit ${i}`);
  parts.push('--c--', '');
  return {
    name: 'combined',
    messageId: '<hostile-combined@attacker.example>',
    readable,
    logged: true,
    source: [
      ...headers('combined', [`X-Long: ${'x'.repeat(512 * 1024)}`]),
      ...nested(1000, parts),
    ].join(CRLF),
  };
}

export function hostileMails(): HostileMail[] {
  return [
    deeplyNestedMail(),
    manyPartsMail(),
    hugeHeaderBlockMail(),
    longHeaderLineMail(),
    unknownCharsetMail(),
    largeHtmlMail(),
    combinedHostileMail(),
  ];
}
