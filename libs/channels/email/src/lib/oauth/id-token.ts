import { z } from 'zod';
import type { EmailOAuthProvider } from '../email-settings.schema';

/** The ID token could not prove which mailbox signed in. */
export class OAuthIdTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OAuthIdTokenError';
  }
}

const claimsSchema = z.object({
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  nonce: z.string().optional(),
  email: z.string().max(320).optional(),
  email_verified: z.union([z.boolean(), z.string()]).optional(),
  preferred_username: z.string().max(320).optional(),
});

/** Clock difference we tolerate between us and the provider. */
const SKEW_SECONDS = 300;

/**
 * The mailbox address an ID token names, after checking it was issued to us, for this sign-in and
 * is current. The token came straight from the provider's token endpoint over TLS, so its
 * signature is not checked again (OpenID Connect Core 3.1.3.7, item 6).
 * Google names the address in `email` (refused unless verified); Microsoft in `email` when the
 * user has one, else `preferred_username`, the sign-in name, which for a mailbox is its address.
 */
export function mailboxFromIdToken(
  idToken: string,
  expected: { provider: EmailOAuthProvider; clientId: string; nonce: string },
): string {
  const payload = idToken.split('.')[1];
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  } catch {
    throw new OAuthIdTokenError('The ID token is not a JWT');
  }
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success) throw new OAuthIdTokenError('The ID token lacks its standard claims');
  const claims = parsed.data;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId))
    throw new OAuthIdTokenError('The ID token was issued to another application');
  if (claims.nonce !== expected.nonce)
    throw new OAuthIdTokenError('The ID token belongs to another sign-in (nonce)');
  if (claims.exp + SKEW_SECONDS < Date.now() / 1000)
    throw new OAuthIdTokenError('The ID token has expired');

  if (expected.provider === 'google') {
    if (claims.email_verified === false || claims.email_verified === 'false')
      throw new OAuthIdTokenError('Google has not verified this account’s address');
    return address(claims.email);
  }
  return address(claims.email ?? claims.preferred_username);
}

function address(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1 || /\s/.test(trimmed))
    throw new OAuthIdTokenError('The ID token names no mailbox address');
  return trimmed.toLowerCase();
}

/** The same mailbox, whatever the case of its address. */
export function sameMailbox(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
