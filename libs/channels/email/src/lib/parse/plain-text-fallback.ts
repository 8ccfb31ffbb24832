import { ChannelInputError, type InboundEvent } from '@switchboard/channels-core';
import { domainOf } from '../email-settings.schema';
import {
  conversationIdFromMessageId,
  extractMessageIds,
  normalizeMessageId,
  synthesizeMessageId,
} from '../shared/message-id';
import {
  conversationIdFromAddresses,
  conversationIdFromSubject,
  stripSubjectToken,
} from '../shared/reply-token';
import { automatedReason, type HeaderView } from './auto-reply-detector';
import { isOwnMail, type ParseContext, type RawEmail } from './email-parser';
import { htmlToPlainText } from './html-to-plain-text';
import { decodeEntityText, decodeHeaderWords, findTextPart, readMessage } from './raw-mime';
import { salvagedPartsText } from './salvaged-body-text';
import { sentAtOf } from './sent-at';

/** How much text is kept. */
const MAX_TEXT_LENGTH = 100_000;
const MAX_REFERENCES = 50;

/**
 * The message as plain text, for mail whose full parse did not finish in its time budget (or
 * crashed its worker), or whose structure is beyond what the full parser reads (a tree nested
 * hundreds deep, thousands of parts, megabytes of header fields): sender, subject, threading
 * headers and the words of its first text part (or, in a tree too deep to follow, the words found
 * between its boundaries), no HTML and no attachments, with `note` saying so at the top of the
 * text. Bounded and linear by construction (see raw-mime.ts), so it is safe to run where a
 * runaway would block everyone. The Message-ID is the one the full parse would have used, so the
 * core still deduplicates.
 */
export function parseEmailAsPlainText(
  raw: RawEmail,
  ctx: ParseContext,
  note: string,
): InboundEvent[] {
  if (!Buffer.isBuffer(raw.source) || raw.source.length === 0)
    throw new ChannelInputError('empty message');
  const message = readMessage(raw.source);
  const header = (name: string) => message.headers.get(name);
  const headers: HeaderView = { get: header };

  const from = senderOf(headers);
  const messageId = normalizeMessageId(header('message-id')) ?? synthesizeMessageId(raw.source);
  if (isOwnMail(headers, messageId, from?.address ?? null, ctx, domainOf(ctx.settings.fromAddress)))
    return [];
  if (!from)
    throw new ChannelInputError('message has no sender address (From, Sender or Return-Path)');

  const subject = decodeHeaderWords(header('subject') ?? '').trim();
  const references = [
    ...new Set([
      ...extractMessageIds(header('in-reply-to')),
      ...extractMessageIds(header('references')),
    ]),
  ].slice(-MAX_REFERENCES);
  const dateHeader = header('date');
  const body = textOf(findTextPart(message)) || (salvagedPartsText(message.body) ?? '');

  return [
    {
      type: 'message',
      externalId: messageId,
      sender: { externalId: from.address, email: from.address, name: from.name },
      text: body ? `${note}\n\n${body}` : note,
      html: null,
      subject: subject ? stripSubjectToken(subject).slice(0, 998) : null,
      attachments: [],
      thread: {
        references,
        conversationToken: tokenOf(references, headers, subject),
      },
      sentAt: sentAtOf(dateHeader ? new Date(dateHeader.slice(0, 200)) : undefined, raw.receivedAt),
      automated: automatedReason(headers, from.address) !== null,
    },
  ];
}

function textOf(part: ReturnType<typeof findTextPart>): string {
  if (!part) return '';
  const decoded = decodeEntityText(part.entity);
  const text = part.type === 'text/html' ? htmlToPlainText(decoded) : decoded;
  return text.replace(/\r\n/g, '\n').trim().slice(0, MAX_TEXT_LENGTH);
}

/** From, else Sender, else the envelope sender; the first address in it. */
function senderOf(headers: HeaderView): { address: string; name: string | null } | null {
  for (const name of ['from', 'sender', 'return-path']) {
    const value = headers.get(name);
    const sender = value ? mailboxOf(value) : null;
    if (sender) return sender;
  }
  return null;
}

/** `"Name" <local@domain>` or a bare `local@domain`. */
function mailboxOf(value: string): { address: string; name: string | null } | null {
  const open = value.indexOf('<');
  const close = open === -1 ? -1 : value.indexOf('>', open);
  if (open !== -1 && close !== -1) {
    const address = cleanAddress(value.slice(open + 1, close));
    if (!address) return null;
    const name = decodeHeaderWords(value.slice(0, open))
      .trim()
      .replace(/^"(.*)"$/s, '$1')
      .trim();
    return { address, name: name ? name.slice(0, 255) : null };
  }
  for (const token of value.split(/[\s,;]+/)) {
    const address = cleanAddress(token);
    if (address) return { address, name: null };
  }
  return null;
}

function cleanAddress(candidate: string): string | null {
  const address = candidate.trim().toLowerCase();
  const at = address.indexOf('@');
  if (at < 1 || at === address.length - 1 || /[\s<>"]/.test(address)) return null;
  return address.slice(0, 254);
}

/** The conversation token: our Message-ID in the references, a plus-address, or the subject tag. */
function tokenOf(references: string[], headers: HeaderView, subject: string): string | null {
  for (const ref of [...references].reverse()) {
    const id = conversationIdFromMessageId(ref);
    if (id) return id;
  }
  const recipients = ['to', 'cc', 'delivered-to', 'x-original-to'].flatMap(
    (name) => headers.get(name)?.split(/[\s,;<>]+/) ?? [],
  );
  return conversationIdFromAddresses(recipients) ?? conversationIdFromSubject(subject);
}
