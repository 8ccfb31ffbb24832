import { boundedReason } from './provider-text';

/** Why a send or a check failed, in terms the core acts on. */
export const CHANNEL_ERROR_CODES = [
  'AUTH_FAILED',
  'RATE_LIMITED',
  'INVALID_RECIPIENT',
  'CONTENT_REJECTED',
  'REPLY_WINDOW_CLOSED',
  'UNAVAILABLE',
  'CONFIG_INVALID',
  /** A file is over what the provider lets us fetch or send. */
  'TOO_LARGE',
  'UNKNOWN',
  /**
   * The provider may have taken the message: the whole message was handed over and then no answer
   * came (a timeout, a dropped connection), and the provider has no idempotency key that would make a
   * repeat harmless. Never retried automatically: the core shows "delivery uncertain".
   */
  'OUTCOME_UNKNOWN',
] as const;
export type ChannelErrorCode = (typeof CHANNEL_ERROR_CODES)[number];

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    /** Provider asked to wait this long before the next attempt. */
    readonly retryAfterMs?: number,
  ) {
    // The message becomes the message's failure reason: bounded and storable, whatever it quotes.
    super(boundedReason(message));
    this.name = 'ChannelError';
  }

  /** Whether the same send may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return isRetryable(this.code);
  }
}

export function isRetryable(code: ChannelErrorCode): boolean {
  switch (code) {
    case 'RATE_LIMITED':
    case 'UNAVAILABLE':
    case 'UNKNOWN':
      return true;
    case 'AUTH_FAILED':
    case 'INVALID_RECIPIENT':
    case 'CONTENT_REJECTED':
    case 'REPLY_WINDOW_CLOSED':
    case 'CONFIG_INVALID':
    case 'TOO_LARGE':
    case 'OUTCOME_UNKNOWN':
      return false;
    default:
      return assertUnreachable(code);
  }
}

/**
 * Input from outside that cannot be understood: answered with a 4xx, never a crash. Pass the
 * ZodError as `cause` and the API can tell bad characters (422) from a bad shape (400).
 */
export class ChannelInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ChannelInputError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}
