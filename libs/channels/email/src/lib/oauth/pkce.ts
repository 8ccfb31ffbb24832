import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): the verifier stays with us, the S256 challenge goes to the provider. */
export function createPkcePair(): { verifier: string; challenge: string } {
  // 32 random bytes: a 43-character verifier, the minimum length and 256 bits of entropy.
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
