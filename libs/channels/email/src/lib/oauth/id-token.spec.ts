import { mailboxFromIdToken, OAuthIdTokenError, sameMailbox } from './id-token';

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'sig']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');

const now = () => Math.floor(Date.now() / 1000);
const google = { provider: 'google' as const, clientId: 'app', nonce: 'n1' };

describe('mailboxFromIdToken', () => {
  it('reads Google’s verified email and Microsoft’s sign-in name', () => {
    expect(
      mailboxFromIdToken(
        jwt({
          aud: 'app',
          exp: now() + 60,
          nonce: 'n1',
          email: 'Support@Example.com',
          email_verified: true,
        }),
        google,
      ),
    ).toBe('support@example.com');
    expect(
      mailboxFromIdToken(
        jwt({ aud: ['app'], exp: now() + 60, nonce: 'n1', preferred_username: 'desk@contoso.com' }),
        { ...google, provider: 'microsoft' },
      ),
    ).toBe('desk@contoso.com');
  });

  it.each([
    ['another application', { aud: 'someone-else' }],
    ['another sign-in', { nonce: 'n2' }],
    ['an expired token', { exp: now() - 3600 }],
    ['an unverified address', { email_verified: false }],
    ['no address', { email: undefined }],
    ['a name that is not an address', { email: 'support' }],
  ])('refuses %s', (_what, change) => {
    const claims = {
      aud: 'app',
      exp: now() + 60,
      nonce: 'n1',
      email: 'support@example.com',
      email_verified: true,
      ...change,
    };
    expect(() => mailboxFromIdToken(jwt(claims), google)).toThrow(OAuthIdTokenError);
  });

  it('refuses what is not a JWT', () => {
    expect(() => mailboxFromIdToken('not-a-jwt', google)).toThrow(OAuthIdTokenError);
  });

  it('compares mailboxes without regard to case', () => {
    expect(sameMailbox(' Support@Example.com', 'support@example.com')).toBe(true);
    expect(sameMailbox('support@example.com', 'sales@example.com')).toBe(false);
  });
});
