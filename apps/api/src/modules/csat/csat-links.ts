import { createHmac, timingSafeEqual } from 'node:crypto';
import { CSAT_LINK_DAYS } from '@switchboard/contracts';
import { purposeKey } from '../../core/auth/purpose-key';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DIGITS = /^\d{1,12}$/;

export type LinkCheck =
  { kind: 'valid'; surveyId: string } | { kind: 'expired'; surveyId: string } | { kind: 'invalid' };

/**
 * Rating links: `<surveyId>.<expires, unix seconds>.<HMAC-SHA256>` under a key of their own
 * (HKDF from APP_SECRET), so no other signed value passes as one and nobody can forge or extend
 * a link. Single use is the database's job (one response per survey).
 */
export class CsatLinks {
  private readonly key: Buffer;

  constructor(
    appSecret: string,
    private readonly publicUrl: string,
  ) {
    this.key = purposeKey(appSecret, 'csat-rating-link');
  }

  token(surveyId: string, sentAt: Date): string {
    const expires = Math.floor(sentAt.getTime() / 1000) + CSAT_LINK_DAYS * 86_400;
    const body = `${surveyId}.${expires}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The rating page's address; `rating` preselects a value (the email's per-rating links). */
  url(token: string, rating?: number): string {
    const base = `${this.publicUrl.replace(/\/$/, '')}/api/csat/${token}`;
    return rating === undefined ? base : `${base}?rating=${rating}`;
  }

  check(token: string, now = new Date()): LinkCheck {
    if (token.length > 200) return { kind: 'invalid' };
    const [surveyId, expires, signature, extra] = token.split('.');
    if (extra !== undefined || !surveyId || !expires || !signature) return { kind: 'invalid' };
    if (!UUID.test(surveyId) || !DIGITS.test(expires)) return { kind: 'invalid' };
    const want = Buffer.from(this.sign(`${surveyId}.${expires}`));
    const got = Buffer.from(signature);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return { kind: 'invalid' };
    if (Number(expires) * 1000 <= now.getTime()) return { kind: 'expired', surveyId };
    return { kind: 'valid', surveyId };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
