import { ChannelError, providerTextExcerpt, nothingWasSent } from '@switchboard/channels-core';
import { describeTwilioError } from './twilio-error-codes';

export const AUTH_FAILED_MESSAGE = 'Twilio rejected the Account SID or auth token (20003)';

/** Wait this long after a 429 that named no Retry-After. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

/** An error answer from the REST API: twilio-node's RestException or TwilioServiceException. */
export interface TwilioAnswerError {
  status: number;
  code?: number;
  message?: string;
  detail?: string;
}

export function isTwilioAnswer(error: unknown): error is TwilioAnswerError {
  return (
    error instanceof Error &&
    typeof (error as { status?: unknown }).status === 'number' &&
    !('isAxiosError' in error)
  );
}

export interface TwilioErrorContext {
  /** Whether the call delivers a message: Twilio has no idempotency key for Messages. */
  delivers: boolean;
  /** The auth token: scrubbed from anything quoted, should it ever appear. */
  authToken: string;
  /** The Retry-After header of the answer, when there was one. */
  retryAfter?: unknown;
}

/** What went wrong with a Twilio REST call, in terms the core acts on. */
export function channelErrorFrom(error: unknown, context: TwilioErrorContext): ChannelError {
  if (error instanceof ChannelError) return error;
  if (isTwilioAnswer(error)) return fromTwilioAnswer(error, context);
  const code = networkCodeOf(error);
  const detail = quote(error instanceof Error ? error.message : String(error), context.authToken);
  if (nothingWasSent(code))
    return new ChannelError('UNAVAILABLE', `Could not reach Twilio: ${detail}`);
  if (context.delivers)
    return new ChannelError(
      'OUTCOME_UNKNOWN',
      `The connection to Twilio broke after the message was handed over; it may have arrived: ${detail}`,
    );
  return new ChannelError('UNAVAILABLE', `Twilio did not answer: ${detail}`);
}

function fromTwilioAnswer(error: TwilioAnswerError, context: TwilioErrorContext): ChannelError {
  const code = typeof error.code === 'number' ? error.code : null;
  const said = quote(error.message || error.detail || `HTTP ${error.status}`, context.authToken);
  const reason = describeTwilioError(code, said);
  if (code === 20003 || error.status === 401)
    return new ChannelError('AUTH_FAILED', AUTH_FAILED_MESSAGE);
  if (code === 20429 || error.status === 429)
    return new ChannelError(
      'RATE_LIMITED',
      `Twilio is rate limiting this account (${code ?? 429})`,
      retryAfterMs(context.retryAfter) ?? DEFAULT_RETRY_AFTER_MS,
    );
  if (code === 63016) return new ChannelError('REPLY_WINDOW_CLOSED', reason);
  switch (code) {
    case 21211:
    case 21610:
    case 21612:
    case 21614:
    case 21910:
    case 63003:
    case 63024:
    case 63032:
      return new ChannelError('INVALID_RECIPIENT', reason);
    case 21606:
    case 21408:
    case 30002:
    case 63001:
    case 63007:
      return new ChannelError('CONFIG_INVALID', reason);
    default:
      break;
  }
  if (error.status === 403 || error.status === 404)
    return new ChannelError('CONFIG_INVALID', `Twilio refused: ${reason}`);
  if (error.status >= 500)
    return new ChannelError('UNAVAILABLE', `Twilio is unavailable: ${reason}`);
  return new ChannelError('CONTENT_REJECTED', `Twilio refused the message: ${reason}`);
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(header: unknown, now = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  if (text === '') return null;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : null;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function networkCodeOf(error: unknown): string | null {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : null;
}

/** A bounded excerpt that can never carry the auth token. */
export function quote(text: string, authToken: string): string {
  let scrubbed = text;
  if (authToken) scrubbed = scrubbed.split(authToken).join('[redacted]');
  return providerTextExcerpt(scrubbed);
}
