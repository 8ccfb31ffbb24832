import { escapeHtml } from './follow-up-email';

export interface EmailConfirmationInput {
  to: string;
  /** The web chat's name, as the widget shows it. */
  inboxName: string;
  confirmUrl: string;
  expiresAt: Date;
}

/** A standalone message (not part of any conversation thread). */
export interface StandaloneEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * The email that asks a visitor to confirm their follow-up address. It carries nothing from the
 * conversation: whoever typed someone else's address learns nothing, and the owner sees only
 * that a chat wants to write to them.
 */
export function buildEmailConfirmationEmail(input: EmailConfirmationInput): StandaloneEmail {
  const name = oneLine(input.inboxName) || 'our chat';
  const hours = Math.max(1, Math.round((input.expiresAt.getTime() - Date.now()) / 3_600_000));
  const text =
    `Someone, hopefully you, asked ${name} to email replies to this address.\n\n` +
    `Confirm it here: ${input.confirmUrl}\n\n` +
    `The link works for ${hours} hours. If you did not ask for this, ignore this email: ` +
    `nothing will be sent to you.\n`;
  const html =
    `<p>Someone, hopefully you, asked ${escapeHtml(name)} to email replies to this address.</p>` +
    `<p><a href="${escapeHtml(input.confirmUrl)}">Confirm my email address</a></p>` +
    `<p>The link works for ${hours} hours. If you did not ask for this, ignore this email: ` +
    `nothing will be sent to you.</p>`;
  return {
    to: input.to,
    subject: `Confirm your email address for ${name}`,
    text,
    html,
    // RFC 3834: sent by software; auto-responders must not answer it.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

/** A name fit for a subject line: no line breaks or other control characters, not too long. */
function oneLine(value: string): string {
  return value.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, 100);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;
