import { createHash, createHmac, randomBytes } from 'node:crypto';
import { purposeKey } from '../../core/auth/purpose-key';

/** A one-time secret (link or session): 256 random bits, URL-safe. Only its SHA-256 is stored. */
export function newPortalToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPortalToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** A keyed hash of an address: rate limits count by it, and no address is stored in clear. */
export function hashPortalEmail(appSecret: string, email: string): Buffer {
  return createHmac('sha256', purposeKey(appSecret, 'portal-email/v1'))
    .update(email.trim().toLowerCase())
    .digest();
}

/** The CSRF token of a portal session's forms: an HMAC of the session token, nothing stored. */
export function portalCsrfToken(appSecret: string, sessionToken: string): string {
  return createHmac('sha256', purposeKey(appSecret, 'portal-csrf/v1'))
    .update(sessionToken)
    .digest('base64url');
}
