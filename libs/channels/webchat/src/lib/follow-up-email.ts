import type { FollowUpEmail, FollowUpTarget, VisitorDelivery } from './visitor-transport';

export interface FollowUpInput {
  delivery: VisitorDelivery;
  target: FollowUpTarget;
  /** Public URL of Switchboard; its host names our Message-IDs. */
  publicUrl: string;
}

/** The email that tells a visitor who left that an operator answered. Text is escaped, never HTML. */
export function buildFollowUpEmail(input: FollowUpInput): FollowUpEmail {
  const { delivery, target } = input;
  const host = safeHost(input.publicUrl);
  const from = delivery.senderName ?? 'Support';
  // The core threads a reply whose token is a conversation id; the email channel also recognises
  // the `<webchat.<conversation id>.…@host>` Message-ID in In-Reply-To/References.
  const conversationToken = delivery.conversationId;
  const messageId = `<webchat.${delivery.conversationId}.${delivery.messageKey}@${host}>`;
  const files = delivery.attachments.map((a) => `[${a.filename}]`).join(' ');
  const body = [delivery.text, files].filter((part) => part.length > 0).join('\n\n');
  const text =
    `${from} replied to your chat:\n\n${body}\n\n` +
    `Continue the chat: ${target.chatUrl}\nOr simply reply to this email.\n`;
  const html =
    `<p>${escapeHtml(from)} replied to your chat:</p>` +
    `<blockquote style="white-space:pre-wrap">${escapeHtml(body)}</blockquote>` +
    `<p><a href="${escapeHtml(target.chatUrl)}">Continue the chat</a> or simply reply to this email.</p>`;
  return {
    to: target.email,
    subject: `New reply to your chat (#${delivery.conversationNumber})`,
    text,
    html,
    messageId,
    conversationToken,
    headers: { 'X-Switchboard-Conversation-Token': conversationToken },
  };
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname || 'switchboard.invalid';
  } catch {
    return 'switchboard.invalid';
  }
}
