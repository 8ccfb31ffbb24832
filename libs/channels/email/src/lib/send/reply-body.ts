import type { OutboundMessage, OutboundQuote } from '@switchboard/channels-core';
import { escapeHtml } from '../parse/html-sanitizer';

/** The two parts of a reply as the customer's client shows them. */
export interface ReplyBody {
  text: string;
  html: string;
}

/** A quote longer than this is cut: the customer's client has the whole mail anyway. */
const MAX_QUOTED_CHARS = 20_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * The operator's text, then the signature after the usual `-- ` line, then the message it answers
 * quoted as mail clients do ("On <date>, <who> wrote:" over `> ` lines in text, a
 * `<blockquote type="cite">` in HTML). Only the bytes sent carry the signature and the quote: the
 * timeline keeps what the operator wrote. Everything from the signature and quote is escaped.
 */
export function replyBody(
  message: Pick<OutboundMessage, 'text' | 'html' | 'signature' | 'quoted'>,
): ReplyBody {
  const text = [message.text];
  const html = [message.html ?? textToHtml(message.text)];
  if (message.signature) {
    text.push(`-- \n${message.signature}`);
    html.push(`<div class="sb-signature">-- <br>${textToHtml(message.signature)}</div>`);
  }
  if (message.quoted?.text.trim()) {
    const attribution = attributionOf(message.quoted);
    const quoted = quotedText(message.quoted.text);
    text.push(`${attribution}\n${quoted.replace(/^/gm, '> ')}`);
    html.push(
      `<div class="sb-quote"><div>${escapeHtml(attribution)}</div>` +
        '<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">' +
        `${textToHtml(quoted)}</blockquote></div>`,
    );
  }
  return { text: text.join('\n\n'), html: html.join('\n') };
}

/** "On Tue, 4 Mar 2025 at 10:15 UTC, Jane Doe <jane@example.com> wrote:" */
export function attributionOf(quote: OutboundQuote): string {
  const { name, address } = quote.author;
  const who =
    name && address ? `${name} <${address}>` : (name ?? address ?? 'the previous message');
  return `On ${formatDate(quote.sentAt)}, ${who} wrote:`;
}

function formatDate(d: Date): string {
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${time} UTC`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function quotedText(text: string): string {
  const trimmed = text.replace(/\r\n?/g, '\n').trimEnd();
  return trimmed.length > MAX_QUOTED_CHARS ? `${trimmed.slice(0, MAX_QUOTED_CHARS)} […]` : trimmed;
}

export function textToHtml(text: string): string {
  return `<div>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</div>`;
}
