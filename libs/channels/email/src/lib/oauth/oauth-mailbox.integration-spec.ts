import { randomUUID } from 'node:crypto';
import {
  FakeOAuthServer,
  startDovecot,
  startSmtpPeer,
  type DovecotServer,
  type SmtpPeer,
} from '@switchboard/testing';
import { checkEmailConnection } from '../check/connection-check';
import { EmailChannelAdapter, type EmailInboxContext } from '../email-channel.adapter';
import type { EmailOAuthSecrets, EmailSettings } from '../email-settings.schema';
import { testSettings } from '../testing-fixtures';
import { authorizationUrl } from './authorization-url';
import { mailboxFromIdToken } from './id-token';
import { OAuthTokenError } from './oauth-errors';
import {
  GOOGLE_PROFILE,
  MICROSOFT_PROFILE,
  microsoftEndpoints,
  type EmailOAuthClient,
  type EmailOAuthProviderProfile,
} from './oauth-providers';
import { createPkcePair } from './pkce';
import { exchangeAuthorizationCode, refreshAccessToken, type OAuthTokenSet } from './token-client';

const SUPPORT = { user: 'support@example.test', password: 'unused-password' };
const REDIRECT = 'https://support.example.com/oauth/email/callback';
const APP = { clientId: 'switchboard-app', clientSecret: 'app-secret', redirectUris: [REDIRECT] };

/**
 * The client side of OAuth for a mailbox, end to end against a real authorization server (the
 * fake), a Dovecot that checks bearer tokens by introspection, and an smtp-server that accepts
 * XOAUTH2: no mock of imapflow or nodemailer anywhere.
 */
describe('OAuth 2.0 mailboxes against Dovecot and an SMTP server', () => {
  let fake: FakeOAuthServer;
  let dovecot: DovecotServer;
  let smtp: SmtpPeer;
  let settings: EmailSettings;

  beforeAll(async () => {
    fake = await FakeOAuthServer.start({ clients: [APP], users: [SUPPORT.user] });
    dovecot = await startDovecot({
      users: [SUPPORT],
      // As Microsoft 365: XOAUTH2 only, so imapflow must use it rather than OAUTHBEARER.
      oauth: {
        introspectionUrl: fake.introspectionUrl,
        clientId: fake.introspectionClient.clientId,
        clientSecret: fake.introspectionClient.clientSecret,
        mechanisms: ['xoauth2'],
      },
    });
    smtp = await startSmtpPeer({
      oauth: { verifyAccessToken: (token) => fake.accessTokenInfo(token)?.email ?? null },
    });
    settings = testSettings({
      fromAddress: SUPPORT.user,
      imap: {
        host: dovecot.host,
        port: dovecot.port,
        security: 'none',
        user: SUPPORT.user,
        mailbox: 'INBOX',
      },
      smtp: { host: smtp.host, port: smtp.port, security: 'none', user: SUPPORT.user },
    });
  });
  afterAll(async () => {
    await dovecot?.stop();
    await smtp?.close();
    await fake?.close();
  });

  const clientFor = (profile: EmailOAuthProviderProfile): EmailOAuthClient => ({
    profile,
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    ...(profile.provider === 'google'
      ? { authorizeUrl: fake.googleAuthorizeUrl, tokenUrl: fake.googleTokenUrl }
      : microsoftEndpoints(fake.microsoftAuthority, 'organizations')),
  });

  /** Consent as a browser would give it, then the code exchange. */
  async function signIn(client: EmailOAuthClient) {
    const { verifier, challenge } = createPkcePair();
    const state = randomUUID();
    const nonce = randomUUID();
    const url = authorizationUrl(client, {
      redirectUri: REDIRECT,
      state,
      nonce,
      codeChallenge: challenge,
      loginHint: SUPPORT.user,
    });
    const res = await fetch(url, { redirect: 'manual' });
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.searchParams.get('state')).toBe(state);
    const tokens = await exchangeAuthorizationCode(client, {
      code: back.searchParams.get('code') ?? '',
      redirectUri: REDIRECT,
      codeVerifier: verifier,
    });
    const account = mailboxFromIdToken(tokens.idToken ?? '', {
      provider: client.profile.provider,
      clientId: APP.clientId,
      nonce,
    });
    return { tokens, account, url: new URL(url) };
  }

  const secretsOf = (
    client: EmailOAuthClient,
    tokens: OAuthTokenSet,
    refreshToken: string,
  ): EmailOAuthSecrets => ({
    auth: 'oauth',
    provider: client.profile.provider,
    account: SUPPORT.user,
    refreshToken,
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.expiresAt.toISOString(),
  });

  it('Google: a refresh token, and IMAP and SMTP logins with the access token', async () => {
    const google = clientFor(GOOGLE_PROFILE);
    const { tokens, account, url } = await signIn(google);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      login_hint: SUPPORT.user,
      scope: 'openid email https://mail.google.com/',
    });
    expect(account).toBe(SUPPORT.user);
    expect(tokens.refreshToken).toEqual(expect.any(String));

    const secrets = secretsOf(google, tokens, tokens.refreshToken ?? '');
    expect(await checkEmailConnection(settings, secrets)).toEqual({ ok: true });
    expect(fake.introspections.at(-1)).toMatchObject({ token: tokens.accessToken, active: true });
    expect(smtp.logins.at(-1)).toEqual({
      method: 'XOAUTH2',
      user: SUPPORT.user,
      accessToken: tokens.accessToken,
    });

    const refreshed = await refreshAccessToken(google, tokens.refreshToken ?? '');
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBeNull();

    // A revoked grant: the refresh is refused for good, and so is the token it gave.
    fake.revokeUser(SUPPORT.user);
    const refused = await refreshAccessToken(google, tokens.refreshToken ?? '').catch((e) => e);
    expect(refused).toBeInstanceOf(OAuthTokenError);
    expect(refused).toMatchObject({ error: 'invalid_grant', final: true });
    expect(
      await checkEmailConnection(settings, { ...secrets, accessToken: refreshed.accessToken }),
    ).toMatchObject({ ok: false, server: 'imap', problem: 'AUTH_FAILED' });

    const wrongSecret = { ...google, clientSecret: 'not-ours' };
    expect(await refreshAccessToken(wrongSecret, 'whatever').catch((e) => e)).toMatchObject({
      error: 'invalid_client',
      final: true,
    });
  });

  it('Microsoft: rotated refresh tokens; a send retries once with a new token when refused', async () => {
    const microsoft = clientFor(MICROSOFT_PROFILE);
    const { tokens, account } = await signIn(microsoft);
    expect(account).toBe(SUPPORT.user);
    let refreshToken = tokens.refreshToken ?? '';
    const asked: Array<string | undefined> = [];
    const adapter = new EmailChannelAdapter({
      sentCopies: { append: async () => undefined },
      freshSecrets: async (ctx, { refusedToken }) => {
        asked.push(refusedToken);
        if (ctx.secrets.auth !== 'oauth' || refusedToken !== ctx.secrets.accessToken)
          return ctx.secrets;
        const next = await refreshAccessToken(microsoft, refreshToken);
        refreshToken = next.refreshToken ?? refreshToken;
        return secretsOf(microsoft, next, refreshToken);
      },
    });
    // The server stops accepting the token before its stated expiry (revoked session, CAE).
    fake.expireAccessTokens();
    const ctx: EmailInboxContext = {
      inboxId: 'inbox-1',
      publicUrl: 'http://127.0.0.1',
      settings,
      secrets: secretsOf(microsoft, tokens, refreshToken),
    };
    const sent = await adapter.send(
      {
        idempotencyKey: randomUUID(),
        conversation: { id: randomUUID(), number: 7, subject: 'Hello', threadExternalIds: [] },
        recipient: {
          externalId: 'jane@customer.example',
          name: 'Jane',
          email: 'jane@customer.example',
          phone: null,
        },
        sender: { name: 'Alice' },
        text: 'Sent with a renewed token',
        html: null,
        attachments: [],
      },
      ctx,
    );
    if (!sent.ok) throw sent.error;
    expect(asked).toEqual([undefined, tokens.accessToken]);
    expect(refreshToken).not.toBe(tokens.refreshToken);
    const login = smtp.logins.at(-1);
    expect(login?.method).toBe('XOAUTH2');
    expect(login?.accessToken).not.toBe(tokens.accessToken);
    expect(fake.accessTokenInfo(login?.accessToken ?? '')).not.toBeNull();
    expect((await smtp.waitForMessages(1))[0]?.parsed.text).toContain('Sent with a renewed token');
  });
});
