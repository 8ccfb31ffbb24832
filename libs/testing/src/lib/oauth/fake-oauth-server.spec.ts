import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { FakeOAuthServer } from './fake-oauth-server';

const CLIENT = {
  clientId: 'app.apps.googleusercontent.com',
  clientSecret: 'app-secret',
  redirectUris: ['https://support.example.com/oauth/email/callback'],
};
const REDIRECT = CLIENT.redirectUris[0] as string;

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Follows the authorization endpoint as a browser would, up to the redirect back to the app. */
async function authorize(url: string, params: Record<string, string>): Promise<URL> {
  const res = await fetch(`${url}?${new URLSearchParams(params).toString()}`, {
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

async function token(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, string>,
  };
}

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

describe('FakeOAuthServer', () => {
  let fake: FakeOAuthServer;

  beforeAll(async () => {
    fake = await FakeOAuthServer.start({
      clients: [CLIENT],
      users: ['support@example.test', 'someone@example.test'],
    });
  });
  afterAll(() => fake?.close());

  const googleCode = async (extra: Record<string, string> = {}) => {
    const { verifier, challenge } = pkce();
    const back = await authorize(fake.googleAuthorizeUrl, {
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid email https://mail.google.com/',
      access_type: 'offline',
      prompt: 'consent',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    return { code: back.searchParams.get('code') ?? '', back, verifier };
  };

  it('runs Google’s code flow with PKCE: code, tokens, a signed ID token, refresh', async () => {
    const { code, back, verifier } = await googleCode();
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-1');

    const exchanged = await token(fake.googleTokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.headers.get('cache-control')).toBe('no-store');
    expect(exchanged.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const idToken = exchanged.body['id_token'] ?? '';
    expect(claims(idToken)).toMatchObject({
      iss: 'https://accounts.google.com',
      aud: CLIENT.clientId,
      email: 'support@example.test',
      email_verified: true,
      nonce: 'nonce-1',
    });
    const jwks = (await (await fetch(`${fake.baseUrl}/oauth2/v3/certs`)).json()) as {
      keys: object[];
    };
    const [head, body, signature] = idToken.split('.') as [string, string, string];
    const key = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' });
    expect(
      verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    expect(fake.accessTokenInfo(exchanged.body['access_token'] ?? '')).toMatchObject({
      email: 'support@example.test',
    });

    // Basic client authentication works as well; Google keeps its refresh token (no rotation).
    const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64');
    const refreshed = await token(
      fake.googleTokenUrl,
      { grant_type: 'refresh_token', refresh_token: exchanged.body['refresh_token'] ?? '' },
      { Authorization: `Basic ${basic}` },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).toBeUndefined();
    expect(refreshed.body['access_token']).not.toBe(exchanged.body['access_token']);
  });

  it('refuses what RFC 6749 says to refuse', async () => {
    const { code, verifier } = await googleCode();
    const exchange = (over: Record<string, string>) =>
      token(fake.googleTokenUrl, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        ...over,
      });
    expect(await exchange({ client_secret: 'wrong' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await exchange({ code_verifier: 'x'.repeat(43) })).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect(await exchange({ grant_type: 'password' })).toMatchObject({
      body: { error: 'unsupported_grant_type' },
    });
    const first = await exchange({});
    expect(first.status).toBe(200);
    // A code used twice fails, and what it gave the first time stops working.
    expect(await exchange({})).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(fake.accessTokenInfo(first.body['access_token'] ?? '')).toBeNull();

    const late = await googleCode();
    fake.expireCodes();
    expect(
      await token(fake.googleTokenUrl, {
        grant_type: 'authorization_code',
        code: late.code,
        redirect_uri: REDIRECT,
        code_verifier: late.verifier,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    // An unregistered redirect URI is shown, never redirected to.
    const res = await fetch(
      `${fake.googleAuthorizeUrl}?client_id=${CLIENT.clientId}&redirect_uri=https://evil.example/cb`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    // Without PKCE the user is sent back with an error.
    const noPkce = await authorize(fake.googleAuthorizeUrl, {
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      state: 's',
    });
    expect(noPkce.searchParams.get('error')).toBe('invalid_request');
    expect(noPkce.searchParams.get('state')).toBe('s');
  });

  it('speaks Microsoft’s dialect: rotating refresh tokens, preferred_username, revocation', async () => {
    fake.signInAs('someone@example.test');
    const { verifier, challenge } = pkce();
    const back = await authorize(`${fake.microsoftAuthority}/common/oauth2/v2.0/authorize`, {
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile email offline_access https://outlook.office.com/IMAP.AccessAsUser.All',
      state: 'ms',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    fake.signInAs('support@example.test');
    const tokenUrl = `${fake.microsoftAuthority}/common/oauth2/v2.0/token`;
    const first = await token(tokenUrl, {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(claims(first.body['id_token'] ?? '')).toMatchObject({
      preferred_username: 'someone@example.test',
      tid: expect.any(String),
    });
    const refresh = (refreshToken: string) =>
      token(tokenUrl, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      });
    const second = await refresh(first.body['refresh_token'] ?? '');
    expect(second.body['refresh_token']).toEqual(expect.any(String));
    expect(second.body['refresh_token']).not.toBe(first.body['refresh_token']);
    expect((await refresh(first.body['refresh_token'] ?? '')).body['error']).toBe('invalid_grant');

    expect(fake.revokeUser('someone@example.test')).toBe(1);
    expect(await refresh(second.body['refresh_token'] ?? '')).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect(fake.accessTokenInfo(second.body['access_token'] ?? '')).toBeNull();
  });

  it('introspects for resource servers that authenticate (RFC 7662)', async () => {
    const { code, verifier } = await googleCode();
    const { body } = await token(fake.googleTokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    const introspect = (form: Record<string, string>) =>
      token(fake.introspectionUrl, form).then((r) => ({ status: r.status, body: r.body }));
    const credentials = {
      client_id: fake.introspectionClient.clientId,
      client_secret: fake.introspectionClient.clientSecret,
    };
    expect(await introspect({ token: body['access_token'] ?? '' })).toMatchObject({ status: 401 });
    expect(await introspect({ token: body['access_token'] ?? '', ...credentials })).toMatchObject({
      status: 200,
      body: { active: true, username: 'support@example.test' },
    });
    fake.expireAccessTokens();
    expect(await introspect({ token: body['access_token'] ?? '', ...credentials })).toMatchObject({
      body: { active: false },
    });
  });
});
