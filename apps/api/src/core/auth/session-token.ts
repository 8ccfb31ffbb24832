import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer tokens; only their SHA-256 is stored, so a database leak reveals no session. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
