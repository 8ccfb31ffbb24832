import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import {
  ChannelInputError,
  type InboundEvent,
  type InboundMessageEvent,
} from '@switchboard/channels-core';
import { domainOf, type EmailSettings } from '../email-settings.schema';
import {
  conversationIdFromMessageId,
  extractMessageIds,
  isOwnMessageId,
  normalizeMessageId,
  synthesizeMessageId,
} from '../shared/message-id';
import {
  conversationIdFromAddresses,
  conversationIdFromSubject,
  stripSubjectToken,
} from '../shared/reply-token';
import { automatedReason, type HeaderView } from './auto-reply-detector';
import { detectDeliveryReport } from './bounce-detector';
import { collectAttachments } from './email-attachments';
import { recipientsOf } from './email-recipients';
import type { EmailReading, EmailReadingNote } from './email-reading';
import { readForwardedMessages } from './forwarded-messages';
import { headerViewOf } from './header-view';
import { MalformedMimeError } from './malformed-mime-error';
import {
  isRenderableHtml,
  plainTextToHtml,
  sanitizeEmailHtml,
  withoutFoldedParts,
} from './html-sanitizer';
import { htmlToPlainText } from './html-to-plain-text';
import { SALVAGED_BODY_NOTE, salvagedBodyText } from './salvaged-body-text';
import { foldQuotedText } from './quote-folding';
import { sentAtOf } from './sent-at';
import { unknownCharsets } from './unknown-charsets';
import { UNSPLIT_PART_NOTE, unsplitPartsText } from './unsplit-parts';

/** A message as our IMAP client fetched it. */
export interface RawEmail {
  source: Buffer;
  uid?: number;
  mailbox?: string;
  /** The server's INTERNALDATE: the fallback when the Date header is missing or absurd. */
  receivedAt?: Date;
}

export interface ParseContext {
  inboxId: string;
  settings: EmailSettings;
}

/** The header our outbound mail carries so a copy that comes back is recognised as ours. */
export const INBOX_HEADER = 'x-switchboard-inbox';

const MAX_TEXT_LENGTH = 200_000;
/** Sanitized HTML above this is not kept: the operator's browser renders it, and 1 MB is plenty. */
const MAX_STORED_HTML = 1_000_000;
const UNRENDERABLE_HTML_NOTE =
  "[This email's formatting was too large or too deeply nested to display safely; it is shown as plain text.]";
const MAX_REFERENCES = 50;

/**
 * One raw RFC 822 message → the events the core stores: a customer message, a delivery status for
 * one of our messages (bounces), or nothing (our own mail coming back, a delay notice).
 */
export async function parseRawEmail(raw: RawEmail, ctx: ParseContext): Promise<InboundEvent[]> {
  return (await readRawEmail(raw, ctx)).events;
}

/** `parseRawEmail`, with what the sync log should say about the mail (skips, partial reads). */
export async function readRawEmail(raw: RawEmail, ctx: ParseContext): Promise<EmailReading> {
  if (!Buffer.isBuffer(raw.source) || raw.source.length === 0)
    throw new ChannelInputError('empty message');
  const mail = await parseMime(raw.source);
  const headers = headerViewOf(mail.headerLines);
  const ourDomain = domainOf(ctx.settings.fromAddress);

  const from = senderOf(mail, headers);
  const messageId = normalizeMessageId(mail.messageId) ?? synthesizeMessageId(raw.source);
  const subject = (mail.subject ?? '').trim();

  if (isOwnMail(headers, messageId, from?.address ?? null, ctx, ourDomain))
    return skipped('Our own message coming back (sent from this inbox)');

  const searchable = reportSearchText(raw.source, mail);
  const report = detectDeliveryReport(headers, from?.address ?? null, subject, searchable);
  if (report) {
    if (report.action === 'delayed')
      return skipped(
        `A delivery delay notice${report.originalMessageId ? ` for ${report.originalMessageId}` : ''}: the server is still trying, nothing to store`,
      );
    if (!report.originalMessageId) {
      throw new ChannelInputError(
        'delivery report that names no Message-ID of the returned message',
      );
    }
    const status: InboundEvent = {
      type: 'status',
      externalId: report.originalMessageId,
      status: report.action === 'delivered' ? 'delivered' : 'failed',
      reason: report.reason,
      at: dateOf(mail, raw),
    };
    return { events: [status], notes: [] };
  }

  if (!from)
    throw new ChannelInputError('message has no sender address (From, Sender or Return-Path)');

  const references = uniqueIds([
    ...extractMessageIds(mail.inReplyTo),
    ...extractMessageIds(mail.references),
  ]).slice(-MAX_REFERENCES);

  // Forwarded mail (message/rfc822) is read and shown inline; its own files join the mail's.
  const { forwarded, rest } = await readForwardedMessages(mail.attachments);
  const { attachments, notes } = collectAttachments(
    [...rest, ...forwarded.flatMap((f) => f.attachments)],
    ctx.settings.maxAttachmentBytes,
  );
  const readingNotes: EmailReadingNote[] = notes.map((reason) => ({
    action: 'simplified',
    reason: reason.slice(1, -1),
  }));
  const rawHtml = typeof mail.html === 'string' ? mail.html : null;
  const sanitized = rawHtml ? sanitizeEmailHtml(rawHtml) : null;
  // The core's sanitizer runs again in the parse worker (email-parse.worker.ts) on what is kept.
  const sanitizedHtml = sanitized && sanitized.length <= MAX_STORED_HTML ? sanitized : null;
  // Too large or too deep to sanitize or to keep: its words still reach the operator, as text.
  const htmlDropped =
    rawHtml !== null &&
    sanitizedHtml === null &&
    (sanitized !== null || !isRenderableHtml(rawHtml));
  if (htmlDropped) {
    notes.push(UNRENDERABLE_HTML_NOTE);
    readingNotes.push({
      action: 'simplified',
      reason: 'Its HTML was too large or too deeply nested to display safely: shown as plain text',
    });
  }
  const hasText = Boolean(mail.text?.trim());
  // No text, HTML or attachment found: a structure the parser could not follow (a multipart with
  // no usable boundary). Its words are read from the raw body rather than stored as empty.
  const salvaged =
    !hasText && rawHtml === null && attachments.length === 0 && forwarded.length === 0
      ? salvagedBodyText(raw.source)
      : null;
  if (salvaged) {
    notes.unshift(SALVAGED_BODY_NOTE);
    readingNotes.push({
      action: 'simplified',
      reason: 'Its MIME structure is broken: the text was read from the raw message',
    });
  }
  const fullText = (
    hasText
      ? (mail.text ?? '')
      : sanitized
        ? htmlToPlainText(sanitized)
        : htmlDropped && rawHtml
          ? htmlToPlainText(rawHtml)
          : (salvaged ?? '')
  ).slice(0, MAX_TEXT_LENGTH);
  // A part deeper in the tree whose boundary is unused: the rest was read, its words are added.
  const unsplit = salvaged
    ? null
    : unsplitPartsText(raw.source, () =>
        [
          fullText,
          sanitized ? htmlToPlainText(sanitized) : '',
          ...forwarded.map((f) => f.text),
        ].join('\n'),
      );
  const unsplitBlock = unsplit ? `${UNSPLIT_PART_NOTE}\n\n${unsplit}` : null;
  if (unsplitBlock) {
    notes.push(unsplitBlock);
    readingNotes.push({
      action: 'simplified',
      reason:
        'Part of its MIME structure is broken: that part’s text was read from the raw message',
    });
  }
  // HTML-only mail: the quote is already marked in the HTML; the text is what remains without it.
  const htmlNewText =
    !hasText && sanitizedHtml ? htmlToPlainText(withoutFoldedParts(sanitizedHtml)) : '';
  const folded = htmlNewText
    ? { body: htmlNewText, quoted: null, signature: null }
    : foldQuotedText(fullText);
  const forwardedText = forwarded.map((f) => f.text);
  const text = [folded.body, ...forwardedText, ...notes]
    .filter((part) => part.length > 0)
    .join('\n\n')
    .slice(0, MAX_TEXT_LENGTH);
  // Our own rendering of the text carries the notes too: the operator reads the HTML when there is one.
  const ownHtml =
    (sanitizedHtml && unsplitBlock
      ? sanitizedHtml + plainTextToHtml({ body: unsplitBlock, quoted: null, signature: null })
      : sanitizedHtml) ??
    (fullText.trim()
      ? plainTextToHtml({ ...folded, body: [folded.body, ...notes].join('\n\n').trim() })
      : null);
  const html = withForwarded(
    ownHtml,
    forwarded.map((f) => f.html),
  );
  for (const charset of unknownCharsets(raw.source))
    readingNotes.push({
      action: 'simplified',
      reason: `Written in a character set we cannot decode (${charset}): some characters may show as �`,
    });
  const automated = automatedReason(headers, from.address);
  if (automated)
    readingNotes.push({ action: 'automated', reason: `Stored, marked automated (${automated})` });

  const event: InboundMessageEvent = {
    type: 'message',
    externalId: messageId,
    sender: { externalId: from.address, email: from.address, name: from.name },
    text: text.length > 0 ? text : null,
    html,
    subject: subject ? stripSubjectToken(subject).slice(0, 998) : null,
    attachments,
    thread: { references, conversationToken: tokenOf(references, mail, subject) },
    sentAt: dateOf(mail, raw),
    automated: automated !== null,
    recipients: recipientsOf(mail),
  };
  return { events: [event], notes: readingNotes };
}

function skipped(reason: string): EmailReading {
  return { events: [], notes: [{ action: 'skipped', reason }] };
}

/** The mail's own HTML with its forwarded messages after it; null when there is nothing to show. */
function withForwarded(html: string | null, forwarded: string[]): string | null {
  if (forwarded.length === 0) return html;
  const joined = `${html ?? ''}${forwarded.join('')}`;
  return joined.length <= MAX_STORED_HTML ? joined : html;
}

async function parseMime(source: Buffer): Promise<ParsedMail> {
  try {
    // keepCidLinks: inline images stay attachments referenced by `cid:`, not megabytes of data: URLs.
    // skipHtmlToText: HTML-only mail is turned into text by our own linear htmlToPlainText;
    // html-to-text is super-linear on entity-heavy text (1 MB of `&amp;&lt;` took 1.2 s, 2 MB 5 s).
    return await simpleParser(source, {
      keepCidLinks: true,
      skipTextLinks: true,
      skipHtmlToText: true,
    });
  } catch (err) {
    throw new MalformedMimeError(err instanceof Error ? err.message : String(err));
  }
}

function senderOf(
  mail: ParsedMail,
  headers: HeaderView,
): { address: string; name: string | null } | null {
  const fromValue = firstAddress(mail.from);
  if (fromValue) return fromValue;
  // A From without an address (or none at all): Sender, then the envelope sender.
  const sender = mail.headers.get('sender');
  const senderValue = isAddressObject(sender) ? firstAddress(sender) : null;
  if (senderValue) return senderValue;
  const returnPath = normalizeMessageId(headers.get('return-path'));
  return returnPath ? { address: returnPath.slice(1, -1).toLowerCase(), name: null } : null;
}

function firstAddress(
  obj: AddressObject | undefined,
): { address: string; name: string | null } | null {
  const entry = obj?.value
    .flatMap((v) => (v.group ? v.group : [v]))
    .find((v) => v.address && v.address.includes('@'));
  if (!entry?.address) return null;
  return {
    address: entry.address.trim().toLowerCase().slice(0, 254),
    name: entry.name?.trim().slice(0, 255) || null,
  };
}

function isAddressObject(value: unknown): value is AddressObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { value?: unknown }).value)
  );
}

/** Our own mail coming back: stamped with this inbox, or our Message-ID sent from our address. */
export function isOwnMail(
  headers: HeaderView,
  messageId: string,
  fromAddress: string | null,
  ctx: ParseContext,
  ourDomain: string,
): boolean {
  if (headers.get(INBOX_HEADER) === ctx.inboxId) return true;
  return (
    isOwnMessageId(messageId, ourDomain) && fromAddress === ctx.settings.fromAddress.toLowerCase()
  );
}

/** The conversation token: our Message-ID in the references, a plus-address, or the subject tag. */
function tokenOf(references: string[], mail: ParsedMail, subject: string): string | null {
  for (const ref of [...references].reverse()) {
    const id = conversationIdFromMessageId(ref);
    if (id) return id;
  }
  const recipients = [
    mail.to,
    mail.cc,
    mail.headers.get('delivered-to'),
    mail.headers.get('x-original-to'),
  ]
    .flat()
    .flatMap((v) =>
      isAddressObject(v) ? v.value.map((a) => a.address ?? '') : typeof v === 'string' ? [v] : [],
    );
  return conversationIdFromAddresses(recipients) ?? conversationIdFromSubject(subject);
}

/** Where a bounce keeps the returned message's headers: the raw body and the attached parts. */
function reportSearchText(source: Buffer, mail: ParsedMail): string {
  const raw = source.toString('latin1');
  const bodyStart = raw.search(/\r?\n\r?\n/);
  const parts = [
    bodyStart === -1 ? '' : raw.slice(bodyStart, bodyStart + 2_000_000),
    mail.text ?? '',
  ];
  for (const att of mail.attachments) {
    if (/^(message\/|text\/rfc822-headers)/i.test(att.contentType))
      parts.push(att.content.toString('utf8', 0, 200_000));
  }
  return parts.join('\n');
}

function dateOf(mail: ParsedMail, raw: RawEmail): Date {
  return sentAtOf(mail.headers.has('date') ? mail.date : undefined, raw.receivedAt);
}

function uniqueIds(ids: string[]): string[] {
  return [...new Set(ids)];
}
