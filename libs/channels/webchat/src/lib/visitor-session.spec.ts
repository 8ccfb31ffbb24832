import { computeIdentityHmac } from './identity-hmac';
import { checkVisitorProof, openVisitorSession } from './visitor-session';
import { issueVisitorToken } from './visitor-token';
import { webchatSettingsSchema } from './webchat-settings';

const ctx = {
  inboxId: 'inbox-1',
  settings: webchatSettingsSchema.parse({ allowedOrigins: ['https://shop.example'] }),
  secrets: { hmacSecret: 'k'.repeat(32) },
};
const ORIGIN = 'https://shop.example';

describe('visitor session', () => {
  it('issues a fresh anonymous token, then resumes the same visitor with it', () => {
    const first = openVisitorSession({ origin: ORIGIN, request: {} }, ctx);
    if (!first.ok) throw new Error(first.reason);
    expect(first.resumed).toBe(false);
    const again = openVisitorSession(
      { origin: ORIGIN, request: { visitorToken: first.token } },
      ctx,
    );
    if (!again.ok) throw new Error(again.reason);
    expect(again.resumed).toBe(true);
    expect(again.claims.visitorId).toBe(first.claims.visitorId);
  });

  it('refuses a disallowed origin, a wrong identity HMAC and a forged token', () => {
    expect(openVisitorSession({ origin: 'https://evil.example', request: {} }, ctx)).toEqual({
      ok: false,
      reason: 'origin_refused',
    });
    const identity = { userId: 'u1', hmac: computeIdentityHmac('other'.repeat(8), 'u1') };
    expect(openVisitorSession({ origin: ORIGIN, request: { identity } }, ctx)).toEqual({
      ok: false,
      reason: 'identity_invalid',
    });
    const forged = issueVisitorToken('f'.repeat(32), { inboxId: 'inbox-1' }).token;
    expect(openVisitorSession({ origin: ORIGIN, request: { visitorToken: forged } }, ctx)).toEqual({
      ok: false,
      reason: 'token_invalid',
    });
  });

  it('trusts a verified identity and forgets it when the site stops vouching', () => {
    const identity = { userId: 'u1', hmac: computeIdentityHmac(ctx.secrets.hmacSecret, 'u1') };
    const signedIn = openVisitorSession({ origin: ORIGIN, request: { identity } }, ctx);
    if (!signedIn.ok) throw new Error(signedIn.reason);
    expect(signedIn.claims.userId).toBe('u1');
    const signedOut = openVisitorSession(
      { origin: ORIGIN, request: { visitorToken: signedIn.token } },
      ctx,
    );
    if (!signedOut.ok) throw new Error(signedOut.reason);
    expect(signedOut.claims.userId).toBeNull();
    expect(signedOut.claims.visitorId).not.toBe(signedIn.claims.visitorId);
  });

  it('checks origin and token on every later request', () => {
    const session = openVisitorSession({ origin: ORIGIN, request: {} }, ctx);
    if (!session.ok) throw new Error(session.reason);
    expect(checkVisitorProof({ visitorToken: session.token, origin: ORIGIN }, ctx).ok).toBe(true);
    expect(checkVisitorProof({ visitorToken: session.token, origin: null }, ctx).ok).toBe(false);
  });
});
