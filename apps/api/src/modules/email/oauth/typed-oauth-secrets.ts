import { AppException } from '../../../core/http/app.exception';

/** Secrets only the OAuth callback may set: the provider proved them, an admin cannot type them. */
const OAUTH_ONLY = ['provider', 'account', 'refreshToken', 'accessToken', 'accessTokenExpiresAt'];

/**
 * Refuses secrets typed into an inbox request that would bypass the OAuth callback's proof of the
 * mailbox, and passwords that would silently be ignored on an inbox connected with OAuth (the
 * switch back to passwords says so: `auth: "password"` with both passwords).
 */
export function refuseTypedOAuthSecrets(
  typed: Record<string, unknown> | undefined,
  merged: unknown,
): void {
  if (!typed) return;
  if (typed['auth'] === 'oauth' || OAUTH_ONLY.some((key) => key in typed))
    throw new AppException(
      'VALIDATION_FAILED',
      'OAuth tokens are stored by connecting the mailbox (Connect Google / Connect Microsoft), not typed in',
    );
  const typesPassword = 'imapPassword' in typed || 'smtpPassword' in typed;
  const storedAuth = (merged as { auth?: unknown } | null)?.auth;
  if (typesPassword && storedAuth === 'oauth')
    throw new AppException(
      'VALIDATION_FAILED',
      'This inbox is connected with OAuth: to switch it to passwords, send secrets.auth = "password" with both passwords',
    );
}
