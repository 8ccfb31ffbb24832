import {
  exchangeAuthorizationCode,
  mailboxFromIdToken,
  OAuthIdTokenError,
  OAuthTokenError,
  sameMailbox,
  type EmailOAuthClient,
} from '@switchboard/channels-email';
import { AppException } from '../../../core/http/app.exception';

/** A grant for exactly the inbox's mailbox. */
export interface ProvenGrant {
  refreshToken: string;
  accessToken: string;
  expiresAt: Date;
}

/**
 * Redeems the code and proves whose mailbox the tokens open, from the ID token that came with
 * them: a grant for any other mailbox than `mailbox` (the inbox's IMAP user) is refused, and with
 * it everything the code gave us is dropped.
 */
export async function provenMailbox(
  client: EmailOAuthClient,
  request: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
    nonce: string;
    mailbox: string;
  },
): Promise<ProvenGrant> {
  const provider = client.profile.displayName;
  let tokens;
  try {
    tokens = await exchangeAuthorizationCode(client, request);
  } catch (err) {
    if (err instanceof OAuthTokenError)
      throw new AppException(
        'CHANNEL_CONNECT_FAILED',
        `${provider} refused the authorization (${err.message}); start the connection again`,
        { reason: 'CODE_REFUSED', error: err.error },
      );
    throw new AppException('UNAVAILABLE', `${provider} could not be reached: ${String(err)}`);
  }
  if (!tokens.idToken)
    throw new AppException(
      'CHANNEL_CONNECT_FAILED',
      `${provider} did not say which account signed in (no ID token)`,
      { reason: 'NO_ID_TOKEN' },
    );
  let account: string;
  try {
    account = mailboxFromIdToken(tokens.idToken, {
      provider: client.profile.provider,
      clientId: client.clientId,
      nonce: request.nonce,
    });
  } catch (err) {
    if (!(err instanceof OAuthIdTokenError)) throw err;
    throw new AppException('CHANNEL_CONNECT_FAILED', `${provider}: ${err.message}`, {
      reason: 'ID_TOKEN_INVALID',
    });
  }
  if (!sameMailbox(account, request.mailbox))
    throw new AppException(
      'CHANNEL_CONNECT_FAILED',
      `You signed in to ${provider} as ${account}, but this inbox's mailbox is ${request.mailbox}: sign in as ${request.mailbox}`,
      { reason: 'ACCOUNT_MISMATCH', account, mailbox: request.mailbox },
    );
  if (!tokens.refreshToken)
    throw new AppException(
      'CHANNEL_CONNECT_FAILED',
      `${provider} gave no refresh token, so the mailbox would stop working within the hour; remove Switchboard's access in your account's security settings and connect again`,
      { reason: 'NO_REFRESH_TOKEN' },
    );
  return {
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
  };
}
