import MailComposer from 'nodemailer/lib/mail-composer';
import { ChannelError, type InboxContext, type OutboundMessage } from '@switchboard/channels-core';
import { domainOf, type EmailSecrets, type EmailSettings } from '../email-settings.schema';
import { buildOutboundMessageId, extractMessageIds } from '../shared/message-id';
import { replyToAddress, stripSubjectToken, subjectWithToken } from '../shared/reply-token';
import { INBOX_HEADER } from '../parse/email-parser';
import { copiesFor } from './reply-copies';
import { replyBody } from './reply-body';

/** An outbound message that may be marked automatic (auto-acknowledgements, follow-ups). */
export type EmailOutboundMessage = OutboundMessage & { automatic?: boolean };

export interface ComposedReply {
  messageId: string;
  /** Every recipient, Bcc included: Bcc is here and nowhere in `raw`. */
  envelope: { from: string; to: string[] };
  /** The exact bytes sent over SMTP, also appended to the Sent folder (no Bcc header). */
  raw: Buffer;
}

const MAX_REFERENCES = 20;
const REPLY_PREFIX = /^\s*(re|aw|sv|antw|vs|réf|ref|odp|ответ|رد)\s*(\[\d+\])?\s*:/i;

/**
 * Builds one reply exactly as a mail client would thread it: our Message-ID (stable per stored
 * message, so a retry carries the same id and recipients' servers can drop the duplicate),
 * In-Reply-To the latest mail of the conversation, References the chain, "Re:" subject with
 * our conversation token, Cc, HTML + plain text with the signature and the quoted message it
 * answers. Bcc goes into the envelope only: the bytes never name a blind copy.
 */
export async function composeReply(
  message: EmailOutboundMessage,
  ctx: InboxContext<EmailSettings, EmailSecrets>,
): Promise<ComposedReply> {
  const { settings } = ctx;
  const to = recipientAddress(message);
  const copies = copiesFor(message, to);
  const body = replyBody(message);
  const messageId = buildOutboundMessageId(
    message.conversation.id,
    message.idempotencyKey,
    domainOf(settings.fromAddress),
  );

  const thread = message.conversation.threadExternalIds.flatMap((id) => extractMessageIds(id));
  const references =
    thread.length > MAX_REFERENCES ? [thread[0], ...thread.slice(-(MAX_REFERENCES - 1))] : thread;

  const headers: Record<string, string> = {
    [INBOX_HEADER]: ctx.inboxId,
    // Ask Exchange-style servers not to send out-of-office answers to our replies.
    'X-Auto-Response-Suppress': 'OOF, AutoReply',
  };
  // RFC 3834 §5: whatever we send without a human pressing "send" says so.
  if (message.automatic) headers['Auto-Submitted'] = 'auto-replied';

  const attachments = await Promise.all(
    message.attachments.map(async (a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: await a.read(),
    })),
  );

  const composer = new MailComposer({
    from: { name: fromName(message, settings), address: settings.fromAddress },
    to,
    cc: copies.cc.length > 0 ? copies.cc : undefined,
    replyTo: settings.replyToToken
      ? replyToAddress(settings.fromAddress, message.conversation.id)
      : undefined,
    subject: replySubject(message, settings),
    messageId,
    inReplyTo: references.at(-1),
    references: references.length > 0 ? references : undefined,
    date: new Date(),
    text: body.text,
    html: body.html,
    attachments,
    headers,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await composer.compile().build();
  const envelope = { from: settings.fromAddress, to: [to, ...copies.envelope] };
  return { messageId, envelope, raw };
}

function recipientAddress(message: OutboundMessage): string {
  const candidate = message.recipient.email ?? message.recipient.externalId;
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(candidate)) {
    throw new ChannelError(
      'INVALID_RECIPIENT',
      `The contact has no valid email address ("${candidate.slice(0, 100)}")`,
    );
  }
  return candidate;
}

function fromName(message: OutboundMessage, settings: EmailSettings): string | undefined {
  const operator = message.sender.name?.trim();
  const team = settings.fromName?.trim();
  if (operator && team) return `${operator} (${team})`;
  return operator || team || undefined;
}

export function replySubject(message: OutboundMessage, settings: EmailSettings): string {
  const base = stripSubjectToken(message.conversation.subject ?? '').trim();
  const subject = base
    ? REPLY_PREFIX.test(base)
      ? base
      : `Re: ${base}`
    : `Re: Your conversation #${message.conversation.number}`;
  return settings.subjectToken ? subjectWithToken(subject, message.conversation.id) : subject;
}
