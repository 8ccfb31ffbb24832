import { ChannelError } from '@switchboard/channels-core';
import { SmtpAnswerLost } from './smtp-sender';

/** The fields nodemailer puts on its errors (all optional: socket errors carry only `code`). */
interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPROTOCOL',
]);

/**
 * What an SMTP failure means for the core: 5xx is permanent (fix the address or the content, do
 * not retry), 4xx and broken connections are temporary, a refused login or a TLS mismatch is a
 * configuration problem an admin must fix. A connection that broke or went silent after the whole
 * message was handed over is neither: the server may have queued it, and SMTP has no idempotency
 * key, so a retry could deliver it twice (OUTCOME_UNKNOWN, never retried by itself).
 */
export function mapSmtpError(err: unknown): ChannelError {
  if (err instanceof SmtpAnswerLost) {
    return new ChannelError(
      'OUTCOME_UNKNOWN',
      `The SMTP server received the whole message but never confirmed it (${describe(
        (typeof err.cause === 'object' && err.cause !== null ? err.cause : {}) as SmtpErrorLike,
      )}); it may have been delivered`,
    );
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as SmtpErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const detail = describe(e);

  if (
    code === 'EAUTH' ||
    code === 'ENOAUTH' ||
    responseCode === 535 ||
    responseCode === 534 ||
    responseCode === 530
  ) {
    return new ChannelError('AUTH_FAILED', `SMTP login failed: ${detail}`);
  }
  if (code === 'ETLS' || code === 'EREQUIRETLS') {
    return new ChannelError(
      'CONFIG_INVALID',
      `SMTP TLS failed (check the security setting): ${detail}`,
    );
  }
  if (responseCode !== null && responseCode >= 500) {
    if (command.startsWith('RCPT') || (code === 'EENVELOPE' && !command.startsWith('MAIL'))) {
      return new ChannelError('INVALID_RECIPIENT', `Recipient refused: ${detail}`);
    }
    if (command.startsWith('MAIL')) {
      return new ChannelError(
        'CONFIG_INVALID',
        `Sender address refused by the SMTP server: ${detail}`,
      );
    }
    return new ChannelError('CONTENT_REJECTED', `Message refused: ${detail}`);
  }
  if (responseCode !== null && responseCode >= 400) {
    return new ChannelError('UNAVAILABLE', `Temporary SMTP failure: ${detail}`);
  }
  if (CONNECTION_CODES.has(code))
    return new ChannelError('UNAVAILABLE', `SMTP server unreachable: ${detail}`);
  return new ChannelError('UNKNOWN', `SMTP error: ${detail}`);
}

function describe(e: SmtpErrorLike): string {
  const text =
    typeof e.response === 'string' && e.response
      ? e.response
      : typeof e.message === 'string'
        ? e.message
        : 'unknown error';
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
