import { createHmac } from 'node:crypto';
import { computeIdentityHmac } from './identity-hmac';
import { issueVisitorToken, verifyVisitorToken, visitorExternalId } from './visitor-token';

const SECRET = 'x'.repeat(40);
const INBOX = '7d3f0c4e-1a44-4d1e-9a55-2a7f3b8c9d01';

describe('visitor token', () => {
  it('verifies a token it issued and keeps the visitor and user ids', () => {
    const { token, claims } = issueVisitorToken(SECRET, { inboxId: INBOX, userId: 'u-42' });
    const check = verifyVisitorToken(SECRET, token, { inboxId: INBOX });
    expect(check).toEqual({ ok: true, claims });
    expect(visitorExternalId(claims)).toBe('user:u-42');
  });

  it('refuses a token signed with another secret', () => {
    const { token } = issueVisitorToken('y'.repeat(40), { inboxId: INBOX });
    expect(verifyVisitorToken(SECRET, token, { inboxId: INBOX })).toEqual({
      ok: false,
      reason: 'token_invalid',
    });
  });

  it('refuses a token whose payload was edited (claiming a user id)', () => {
    const { token } = issueVisitorToken(SECRET, { inboxId: INBOX });
    const [v, body, mac] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, uid: 'admin' })).toString('base64url');
    expect(verifyVisitorToken(SECRET, `${v}.${forged}.${mac}`, { inboxId: INBOX }).ok).toBe(false);
  });

  it('refuses a token for another inbox, garbage and expired tokens', () => {
    const { token } = issueVisitorToken(SECRET, { inboxId: INBOX });
    expect(verifyVisitorToken(SECRET, token, { inboxId: 'other' }).ok).toBe(false);
    expect(verifyVisitorToken(SECRET, 'v1.abc', { inboxId: INBOX }).ok).toBe(false);
    expect(verifyVisitorToken(SECRET, '', { inboxId: INBOX }).ok).toBe(false);
    const old = issueVisitorToken(SECRET, {
      inboxId: INBOX,
      now: new Date('2020-01-01'),
      ttlSeconds: 60,
    });
    expect(verifyVisitorToken(SECRET, old.token, { inboxId: INBOX })).toEqual({
      ok: false,
      reason: 'token_expired',
    });
  });

  it('names anonymous visitors by their visitor id', () => {
    const { claims } = issueVisitorToken(SECRET, { inboxId: INBOX });
    expect(visitorExternalId(claims)).toBe(`visitor:${claims.visitorId}`);
  });

  it('never accepts a token signed with a value the site computes for one of its users', () => {
    // The site's backend signs any user id it is given: hex(HMAC-SHA256(secret, userId)). If a
    // visitor-token key were HMAC(secret, label), a user named after the label would get the key.
    const labels = [
      'switchboard:webchat:visitor-token:v1',
      'switchboard:webchat:visitor-token:v2',
      'switchboard:webchat:email-confirmation:v1',
      'visitor-token',
    ];
    const body = Buffer.from(
      JSON.stringify({
        inb: INBOX,
        vid: '00000000-0000-4000-8000-000000000001',
        uid: 'admin',
        iat: 1_700_000_000,
        exp: 4_000_000_000,
      }),
    ).toString('base64url');
    for (const userId of labels) {
      const siteValue = computeIdentityHmac(SECRET, userId);
      for (const key of [Buffer.from(siteValue, 'hex'), siteValue]) {
        for (const version of ['v1', 'v2']) {
          const mac = createHmac('sha256', key).update(`${version}.${body}`).digest('base64url');
          const forged = `${version}.${body}.${mac}`;
          expect(verifyVisitorToken(SECRET, forged, { inboxId: INBOX })).toEqual({
            ok: false,
            reason: 'token_invalid',
          });
        }
      }
    }
  });
});
