import { createHmac } from 'node:crypto';
import { computeIdentityHmac, verifyIdentityHmac } from './identity-hmac';

const SECRET = 's'.repeat(32);

describe('identity HMAC', () => {
  it('matches what a site backend computes with plain HMAC-SHA256', () => {
    const expected = createHmac('sha256', SECRET).update('user-1').digest('hex');
    expect(computeIdentityHmac(SECRET, 'user-1')).toBe(expected);
    expect(verifyIdentityHmac(SECRET, 'user-1', expected)).toBe(true);
    expect(verifyIdentityHmac(SECRET, 'user-1', expected.toUpperCase())).toBe(true);
  });

  it('refuses a HMAC for another user, another secret or of the wrong shape', () => {
    const mac = computeIdentityHmac(SECRET, 'user-1');
    expect(verifyIdentityHmac(SECRET, 'user-2', mac)).toBe(false);
    expect(verifyIdentityHmac('t'.repeat(32), 'user-1', mac)).toBe(false);
    expect(verifyIdentityHmac(SECRET, 'user-1', mac.slice(2))).toBe(false);
    expect(verifyIdentityHmac(SECRET, 'user-1', 'zz'.repeat(32))).toBe(false);
  });
});
