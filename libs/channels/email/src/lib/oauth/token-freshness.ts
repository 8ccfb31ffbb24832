import type { EmailOAuthSecrets } from '../email-settings.schema';

/** Refresh when less than this is left, so no connection starts with a token about to expire. */
export const ACCESS_TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

export function accessTokenNeedsRefresh(secrets: EmailOAuthSecrets, now = Date.now()): boolean {
  const expiresAt = Date.parse(secrets.accessTokenExpiresAt);
  return !Number.isFinite(expiresAt) || expiresAt - now < ACCESS_TOKEN_REFRESH_MARGIN_MS;
}
