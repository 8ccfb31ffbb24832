import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
import { escapeHtml, plainTextToHtml, sanitizeEmailHtml } from './html-sanitizer';
import { htmlToPlainText } from './html-to-plain-text';

/** A mail attached whole to another (`message/rfc822`): what a forward from most clients is. */
export interface ForwardedMessage {
  /** The block shown in the outer mail's HTML: its sender, date, subject and body. */
  html: string;
  /** The same for the message text, so search and plain-text readers see it too. */
  text: string;
  /** Its own attachments, to be stored with the outer mail's, under their own names. */
  attachments: Attachment[];
  /** A file name for the original (`.eml`), kept as an attachment for download. */
  filename: string;
}

/** Mail attached inside mail inside mail: deeper than this stays a plain `.eml` download. */
const MAX_DEPTH = 3;
/** Forwards read per mail; more stay downloads. */
const MAX_FORWARDS = 10;
/** Text kept per forwarded message. */
const MAX_TEXT = 100_000;

export function isForwardedMessage(att: Attachment): boolean {
  const type = att.contentType.toLowerCase();
  return type === 'message/rfc822' || type === 'message/global';
}

/**
 * The forwarded messages among `attachments`, read so they show inline instead of as
 * `attachment-1.bin`. A part that does not parse stays an ordinary attachment.
 */
export async function readForwardedMessages(
  attachments: readonly Attachment[],
  depth = 1,
): Promise<{ forwarded: ForwardedMessage[]; rest: Attachment[] }> {
  const forwarded: ForwardedMessage[] = [];
  const rest: Attachment[] = [];
  for (const att of attachments) {
    if (!isForwardedMessage(att) || depth > MAX_DEPTH || forwarded.length >= MAX_FORWARDS) {
      rest.push(att);
      continue;
    }
    const read = await readOne(att, depth).catch(() => null);
    if (!read) {
      rest.push(att);
      continue;
    }
    forwarded.push(read);
    // The original stays downloadable, under a name that says what it is.
    rest.push({ ...att, filename: read.filename });
  }
  return { forwarded, rest };
}

async function readOne(att: Attachment, depth: number): Promise<ForwardedMessage | null> {
  const mail = await simpleParser(att.content, {
    keepCidLinks: true,
    skipTextLinks: true,
    skipHtmlToText: true,
  });
  const from = addressesOf(mail.from);
  const subject = (mail.subject ?? '').trim();
  const empty = !from && !subject && !mail.text?.trim() && typeof mail.html !== 'string';
  if (empty && mail.attachments.length === 0) return null;

  const nested = await readForwardedMessages(mail.attachments, depth + 1);
  const to = addressesOf(mail.to);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toUTCString() : null;
  const fields: Array<[string, string | null]> = [
    ['From', from],
    ['Date', date],
    ['Subject', subject || null],
    ['To', to],
  ];
  const present = fields.filter((f): f is [string, string] => f[1] !== null);

  const html = typeof mail.html === 'string' ? sanitizeEmailHtml(mail.html) : null;
  const bodyText = (mail.text?.trim() ? mail.text : html ? htmlToPlainText(html) : '').slice(
    0,
    MAX_TEXT,
  );
  const bodyHtml =
    html ??
    (bodyText.trim() ? plainTextToHtml({ body: bodyText, quoted: null, signature: null }) : '');

  const headerHtml = present
    .map(([name, value]) => `<div><b>${name}:</b> ${escapeHtml(value)}</div>`)
    .join('');
  const blockHtml =
    `<div class="sb-forwarded"><div class="sb-forwarded__header">${headerHtml}</div>` +
    `${bodyHtml}${nested.forwarded.map((f) => f.html).join('')}</div>`;
  const blockText = [
    '---------- Forwarded message ----------',
    ...present.map(([name, value]) => `${name}: ${value}`),
    '',
    bodyText.trim(),
    ...nested.forwarded.map((f) => f.text),
  ].join('\n');

  return {
    html: blockHtml,
    text: blockText,
    attachments: [...nested.rest, ...nested.forwarded.flatMap((f) => f.attachments)],
    filename: `${emlName(subject)}.eml`,
  };
}

function addressesOf(obj: AddressObject | AddressObject[] | undefined): string | null {
  const list = (Array.isArray(obj) ? obj : obj ? [obj] : [])
    .flatMap((o) => o.value)
    .flatMap((v) => (v.group ? v.group : [v]))
    .slice(0, 20)
    .map((v) => (v.name ? `${v.name} <${v.address ?? ''}>` : (v.address ?? '')))
    .filter((s) => s.length > 0);
  return list.length > 0 ? list.join(', ').slice(0, 2_000) : null;
}

/** The subject as a file name: no path or control characters, not empty, not endless. */
function emlName(subject: string): string {
  let name = '';
  for (const ch of subject) {
    const code = ch.codePointAt(0) ?? 0;
    name += code < 0x20 || code === 0x7f || '\\/<>:"|?*'.includes(ch) ? '_' : ch;
  }
  name = Array.from(name.trim().replace(/^\.+/, '')).slice(0, 120).join('');
  return name || 'forwarded message';
}
