import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What the site's backend computes to vouch for its signed-in user:
 * hex(HMAC-SHA256(inbox hmacSecret, userId)). Same scheme as Intercom/Crisp, so site owners know it.
 */
export function computeIdentityHmac(hmacSecret: string, userId: string): string {
  return createHmac('sha256', hmacSecret).update(userId, 'utf8').digest('hex');
}

export function verifyIdentityHmac(hmacSecret: string, userId: string, hmac: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(hmac)) return false;
  const wanted = Buffer.from(computeIdentityHmac(hmacSecret, userId), 'hex');
  return timingSafeEqual(Buffer.from(hmac, 'hex'), wanted);
}
