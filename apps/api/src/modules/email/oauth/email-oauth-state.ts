import { createHmac, timingSafeEqual } from 'node:crypto';
import { purposeKey } from '../../../core/auth/purpose-key';

const STATE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** Who a request was started by: what the state is bound to besides the request itself. */
export interface StateOwner {
  accountId: string;
  operatorId: string;
}

/**
 * The OAuth `state`: the authorization request's id and a MAC binding it to the admin and account
 * that started it. The MAC is checked before anything is looked up, so a guessed, altered or
 * another admin's state is refused without using up the real one; the request row (taken once,
 * with its inbox, provider, verifier and expiry) makes it single-use and short-lived.
 */
export class EmailOAuthState {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = purposeKey(appSecret, 'email-oauth-state');
  }

  sign(requestId: string, owner: StateOwner): string {
    return `${requestId}.${this.mac(requestId, owner)}`;
  }

  /** The request id of a state this owner was given; null for anything else. */
  verify(state: string, owner: StateOwner): string | null {
    const match = STATE.exec(state);
    if (!match?.[1] || !match[2]) return null;
    const given = Buffer.from(match[2]);
    const expected = Buffer.from(this.mac(match[1], owner));
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : null;
  }

  private mac(requestId: string, owner: StateOwner): string {
    return createHmac('sha256', this.key)
      .update(`${requestId}|${owner.accountId}|${owner.operatorId}`)
      .digest('base64url');
  }
}
