import { hkdfSync } from 'node:crypto';

/**
 * What a key derived from an inbox's `hmacSecret` is for. Each purpose has its own key, and none of
 * them is the secret itself: the secret stays what the site's backend uses for identity HMACs
 * (`identity-hmac.ts`), so sites keep the scheme they know.
 */
export type WebchatKeyPurpose = 'visitor-token' | 'email-confirmation';

const SALT = 'switchboard:webchat:key-derivation';

/**
 * HKDF-SHA256 (RFC 5869) with one label per purpose. The secret enters HKDF as input keying
 * material, never as an HMAC key over a chosen message, so no value a site computes for its users,
 * hex(HMAC(secret, userId)) for any userId, can equal a derived key; and one purpose's key reveals
 * nothing about another's.
 */
export function deriveWebchatKey(hmacSecret: string, purpose: WebchatKeyPurpose): Buffer {
  const info = `switchboard:webchat:${purpose}:v2`;
  return Buffer.from(hkdfSync('sha256', hmacSecret, SALT, info, 32));
}
