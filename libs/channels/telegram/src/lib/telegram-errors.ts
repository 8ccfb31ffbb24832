import { ChannelError, providerTextExcerpt, nothingWasSent } from '@switchboard/channels-core';
import { GrammyError, HttpError } from 'grammy';

export const AUTH_FAILED_MESSAGE = 'Telegram rejected the bot token (401 Unauthorized)';

/**
 * The bot token is the bot: it must never reach a log, an API answer or a failure reason. grammy
 * and node-fetch put the request URL (`…/bot<token>/sendMessage`) into their error messages.
 */
export function scrubToken(text: string, token: string): string {
  if (!token) return text;
  return text.split(token).join(REDACTED);
}

const REDACTED = '<redacted>';

export interface ErrorMapping {
  token: string;
  /**
   * Whether the call delivers a message. A send cut off after its request went out may have
   * reached the chat, and Telegram has no idempotency key to make a repeat harmless.
   */
  delivers: boolean;
}

/** What went wrong with a Bot API call, in terms the core acts on. */
export function channelErrorFrom(error: unknown, { token, delivers }: ErrorMapping): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof GrammyError) return fromTelegramAnswer(error, token);
  if (error instanceof HttpError) {
    const cause = error.error as { code?: unknown; type?: unknown; message?: unknown } | undefined;
    const detail = excerpt(`${error.message} ${String(cause?.message ?? '')}`, token);
    // A JSON parse failure means an answer came back, just not Telegram's (a proxy's error page).
    if (cause?.type === 'invalid-json')
      return new ChannelError(
        'UNAVAILABLE',
        `Telegram answered with an unreadable page: ${detail}`,
      );
    if (typeof cause?.code === 'string' && nothingWasSent(cause.code))
      return new ChannelError('UNAVAILABLE', `Could not reach Telegram: ${detail}`);
    if (delivers)
      return new ChannelError(
        'OUTCOME_UNKNOWN',
        `The connection to Telegram broke after the message was handed over; it may have arrived: ${detail}`,
      );
    return new ChannelError('UNAVAILABLE', `Telegram did not answer: ${detail}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ChannelError('UNKNOWN', `Telegram call failed: ${excerpt(message, token)}`);
}

function fromTelegramAnswer(error: GrammyError, token: string): ChannelError {
  const description = excerpt(error.description, token);
  const code = error.error_code;
  if (code === 401) return new ChannelError('AUTH_FAILED', AUTH_FAILED_MESSAGE);
  if (code === 403) return new ChannelError('INVALID_RECIPIENT', description);
  if (code === 429) {
    const seconds = error.parameters.retry_after;
    return new ChannelError(
      'RATE_LIMITED',
      `Telegram is rate limiting this bot: ${description}`,
      typeof seconds === 'number' ? seconds * 1000 : undefined,
    );
  }
  if (code === 400 && error.description.toLowerCase().includes('chat not found'))
    return new ChannelError('INVALID_RECIPIENT', description);
  if (code === 404)
    return new ChannelError(
      'CONFIG_INVALID',
      `Telegram answered 404 (check the bot token): ${description}`,
    );
  if (code === 409) return new ChannelError('UNAVAILABLE', description);
  if (code >= 500)
    return new ChannelError('UNAVAILABLE', `Telegram is unavailable: ${description}`);
  return new ChannelError('CONTENT_REJECTED', description);
}

/** Scrubbed before it is cut: a cut could leave a piece of the token that no longer matches. */
function excerpt(text: string, token: string): string {
  // providerTextExcerpt drops anything that looks like a tag, `<redacted>` included.
  return providerTextExcerpt(scrubToken(text, token).split(REDACTED).join('[redacted]'));
}

export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return null;
  const seconds = error.parameters.retry_after;
  return typeof seconds === 'number' && seconds >= 0 ? seconds : 1;
}
