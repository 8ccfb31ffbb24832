/** Why a send or a check failed, in terms the core acts on. */
export const CHANNEL_ERROR_CODES = [
  'AUTH_FAILED',
  'RATE_LIMITED',
  'INVALID_RECIPIENT',
  'CONTENT_REJECTED',
  'REPLY_WINDOW_CLOSED',
  'UNAVAILABLE',
  'CONFIG_INVALID',
  'UNKNOWN',
] as const;
export type ChannelErrorCode = (typeof CHANNEL_ERROR_CODES)[number];

export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    /** Provider asked to wait this long before the next attempt. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
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
      return false;
    default:
      return assertUnreachable(code);
  }
}

/** Input from outside that cannot be understood: answered with a 4xx, never a crash. */
export class ChannelInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelInputError';
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}
