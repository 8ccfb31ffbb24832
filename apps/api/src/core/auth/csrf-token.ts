import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey } from './purpose-key';

/**
 * The CSRF token of a cookie session: an HMAC of its session token, so nothing is stored and it
 * changes with every sign-in. Another site can make the browser send the cookie, but it cannot read
 * this token (it is given only in same-origin JSON answers), so it cannot forge the header.
 */
export class CsrfToken {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = purposeKey(appSecret, 'csrf/v1');
  }

  forSession(sessionToken: string): string {
    return createHmac('sha256', this.key).update(sessionToken).digest('base64url');
  }

  matches(sessionToken: string, given: unknown): boolean {
    if (typeof given !== 'string' || given.length > 100) return false;
    const expected = Buffer.from(this.forSession(sessionToken));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
