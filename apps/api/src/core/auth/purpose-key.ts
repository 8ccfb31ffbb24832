import { hkdfSync } from 'node:crypto';

/**
 * A 32-byte key for one purpose, derived from APP_SECRET with HKDF and the purpose as label: keys
 * of different purposes are unrelated, so a value signed for one can never pass as another.
 */
export function purposeKey(appSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'switchboard', `switchboard:${purpose}`, 32));
}
