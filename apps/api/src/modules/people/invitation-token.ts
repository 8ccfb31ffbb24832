import { createHash, randomBytes } from 'node:crypto';

/** A one-time invitation secret: 256 random bits, URL-safe. Only its SHA-256 is stored. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashInvitationToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * The SPA's accept page. The token rides in the fragment, which browsers never send to a server,
 * so it stays out of access logs and Referer headers.
 */
export function invitationAcceptUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/accept-invitation#token=${token}`;
}
