import { ChannelError } from '@switchboard/channels-core';

/**
 * The token endpoint said no (RFC 6749 5.2). `invalid_grant` means the code or refresh token is
 * expired, used or revoked: only the user signing in again helps.
 */
export class OAuthTokenError extends Error {
  constructor(
    readonly error: string,
    readonly description: string | null,
    readonly status: number,
  ) {
    super(description ? `${error}: ${description}` : error);
    this.name = 'OAuthTokenError';
  }

  /** Nothing we can retry makes this work: the grant is gone, or our client is not accepted. */
  get final(): boolean {
    return ['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_scope'].includes(
      this.error,
    );
  }
}

/** The provider could not be asked (network, timeout, 5xx, an answer that is not a token). */
export class OAuthUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OAuthUnavailableError';
  }
}

/**
 * The stored authorization no longer works (revoked, expired, or our client refused): the inbox
 * shows "reconnect" and waits for an admin to connect it again, rather than asking over and over.
 */
export class OAuthReconnectRequiredError extends ChannelError {
  constructor(message: string) {
    super('AUTH_FAILED', message);
    this.name = 'OAuthReconnectRequiredError';
  }
}
