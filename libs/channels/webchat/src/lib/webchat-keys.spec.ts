import fc from 'fast-check';
import { computeIdentityHmac } from './identity-hmac';
import {
  issueEmailConfirmationToken,
  verifyEmailConfirmationToken,
} from './email-confirmation-token';
import { issueVisitorToken, verifyVisitorToken } from './visitor-token';
import { deriveWebchatKey } from './webchat-keys';

const SECRET = 'inbox-secret-0123456789abcdef-0123456789';
const INBOX = '7d3f0c4e-1a44-4d1e-9a55-2a7f3b8c9d01';

describe('web chat keys', () => {
  it('derives one key per purpose, none equal to the secret or to each other', () => {
    const token = deriveWebchatKey(SECRET, 'visitor-token');
    const confirm = deriveWebchatKey(SECRET, 'email-confirmation');
    expect(token).toHaveLength(32);
    expect(token.equals(confirm)).toBe(false);
    expect(token.equals(Buffer.from(SECRET))).toBe(false);
    expect(deriveWebchatKey('another-secret-0123456789abcdef', 'visitor-token').equals(token)).toBe(
      false,
    );
    // Stable: tokens issued before a restart still verify after it.
    expect(deriveWebchatKey(SECRET, 'visitor-token').equals(token)).toBe(true);
  });

  it('never equals an identity HMAC the site computes, whatever the user id', () => {
    const keys = [
      deriveWebchatKey(SECRET, 'visitor-token'),
      deriveWebchatKey(SECRET, 'email-confirmation'),
    ].map((k) => k.toString('hex'));
    const labels = [
      'switchboard:webchat:visitor-token:v1',
      'switchboard:webchat:visitor-token:v2',
      'switchboard:webchat:email-confirmation:v2',
      'switchboard:webchat:key-derivation',
    ];
    for (const userId of labels) expect(keys).not.toContain(computeIdentityHmac(SECRET, userId));
    fc.assert(
      fc.property(fc.string({ maxLength: 256 }), (userId) => {
        expect(keys).not.toContain(computeIdentityHmac(SECRET, userId));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps purposes apart: a confirmation link is no visitor token and the reverse', () => {
    const { token } = issueVisitorToken(SECRET, { inboxId: INBOX });
    const link = issueEmailConfirmationToken(SECRET, {
      inboxId: INBOX,
      visitorKey: 'visitor:1',
      email: 'jane@example.com',
    });
    expect(verifyVisitorToken(SECRET, link, { inboxId: INBOX }).ok).toBe(false);
    expect(verifyEmailConfirmationToken(SECRET, token, { inboxId: INBOX }).ok).toBe(false);
    // Same payload shape re-labelled with the other version still fails: the keys differ too.
    const relabelled = `v2.${link.split('.').slice(1).join('.')}`;
    expect(verifyVisitorToken(SECRET, relabelled, { inboxId: INBOX }).ok).toBe(false);
  });
});

describe('email confirmation token', () => {
  it('binds the inbox, the visitor and the address, and expires', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const link = issueEmailConfirmationToken(SECRET, {
      inboxId: INBOX,
      visitorKey: 'visitor:abc',
      email: 'jane@example.com',
      now,
      ttlSeconds: 60,
    });
    expect(verifyEmailConfirmationToken(SECRET, link, { inboxId: INBOX, now })).toEqual({
      ok: true,
      claims: {
        inboxId: INBOX,
        visitorKey: 'visitor:abc',
        email: 'jane@example.com',
        expiresAt: new Date('2030-01-01T00:01:00Z'),
      },
    });
    expect(verifyEmailConfirmationToken(SECRET, link, { inboxId: 'other', now }).ok).toBe(false);
    expect(verifyEmailConfirmationToken('x'.repeat(40), link, { inboxId: INBOX, now }).ok).toBe(
      false,
    );
    expect(
      verifyEmailConfirmationToken(SECRET, link, {
        inboxId: INBOX,
        now: new Date('2030-01-01T00:01:00Z'),
      }),
    ).toEqual({ ok: false, reason: 'expired' });
    const [v, body, mac] = link.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as object;
    const edited = Buffer.from(JSON.stringify({ ...payload, em: 'evil@example.com' })).toString(
      'base64url',
    );
    expect(
      verifyEmailConfirmationToken(SECRET, `${v}.${edited}.${mac}`, { inboxId: INBOX, now }),
    ).toEqual({ ok: false, reason: 'invalid' });
  });
});
