import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey } from '../auth/purpose-key';

export type FileLinkVerdict = 'valid' | 'expired' | 'invalid';

/**
 * Short-lived download links that need no session (`?expires=<unix seconds>&signature=…`): an
 * HMAC of the file id and the expiry, with a key derived from APP_SECRET for this purpose only.
 */
export class FileLinkSigner {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = purposeKey(appSecret, 'file-link/v1');
  }

  /** The query string for `fileId`, valid until `expiresAt` (whole seconds). */
  sign(fileId: string, expiresAt: Date): { expires: string; signature: string } {
    const expires = String(Math.floor(expiresAt.getTime() / 1000));
    return { expires, signature: this.mac(fileId, expires) };
  }

  verify(fileId: string, expires: unknown, signature: unknown, now = new Date()): FileLinkVerdict {
    if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) return 'invalid';
    if (typeof signature !== 'string' || signature.length > 100) return 'invalid';
    const expected = Buffer.from(this.mac(fileId, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1000 > now.getTime() ? 'valid' : 'expired';
  }

  private mac(fileId: string, expires: string): string {
    return createHmac('sha256', this.key)
      .update(`${fileId.toLowerCase()}\n${expires}`)
      .digest('base64url');
  }
}
