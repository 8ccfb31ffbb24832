import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AccessTokenInfo,
  AuthorizeRequestRecord,
  FakeOAuthClient,
  FakeOAuthOptions,
  IntrospectionRecord,
  OAuthFlavor,
  TokenRequestRecord,
} from './fake-oauth-types';
import { IdTokenSigner } from './id-token-signer';
import { OAuthError } from './oauth-error';
import { OAuthGrants, type IssuedTokens } from './oauth-grants';
import {
  clientCredentials,
  readForm,
  redirect,
  sendErrorPage,
  sendJson,
  sendOAuthError,
} from './oauth-http';

const MICROSOFT_PATH = /^\/([A-Za-z0-9.-]{1,64})\/oauth2\/v2\.0\/(authorize|token)$/;

/**
 * A local authorization server speaking Google's and Microsoft's OAuth 2.0 dialects: the
 * authorization endpoint (auto-consent as one configured user, PKCE S256 required), the token
 * endpoint (authorization_code and refresh_token grants, RFC 6749 error shapes, expiring codes and
 * access tokens, ID tokens), RFC 7662 introspection for resource servers (Dovecot's oauth2 passdb),
 * RFC 7009 revocation, and a JWK set. On 127.0.0.1 and a free port.
 */
export class FakeOAuthServer {
  /** Every request to a token endpoint, oldest first. */
  readonly tokenRequests: TokenRequestRecord[] = [];
  readonly authorizeRequests: AuthorizeRequestRecord[] = [];
  readonly introspections: IntrospectionRecord[] = [];
  /** The resource server's credentials for the introspection endpoint (RFC 7662 section 2.1). */
  readonly introspectionClient = {
    clientId: 'resource-server',
    clientSecret: randomBytes(12).toString('hex'),
  };

  private readonly grants: OAuthGrants;
  private readonly signer = new IdTokenSigner();
  private consentUser: string;
  private denyNext = false;
  private accessTokenTtl: number;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly options: FakeOAuthOptions,
  ) {
    const first = options.users[0];
    if (!first) throw new Error('FakeOAuthServer: give at least one user');
    this.consentUser = first;
    this.accessTokenTtl = options.accessTokenTtlSeconds ?? 3599;
    this.grants = new OAuthGrants({
      codeTtlSeconds: options.codeTtlSeconds ?? 600,
      accessTokenTtlSeconds: () => this.accessTokenTtl,
      rotateRefreshTokens: (flavor) => options.rotateRefreshTokens ?? flavor === 'microsoft',
    });
  }

  static async start(options: FakeOAuthOptions): Promise<FakeOAuthServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeOAuthServer(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  /** Google's authorization endpoint (accounts.google.com/o/oauth2/v2/auth). */
  get googleAuthorizeUrl(): string {
    return `${this.baseUrl}/o/oauth2/v2/auth`;
  }

  /** Google's token endpoint (oauth2.googleapis.com/token). */
  get googleTokenUrl(): string {
    return `${this.baseUrl}/token`;
  }

  /** Stands in for https://login.microsoftonline.com: `/{tenant}/oauth2/v2.0/authorize|token`. */
  get microsoftAuthority(): string {
    return this.baseUrl;
  }

  get introspectionUrl(): string {
    return `${this.baseUrl}/introspect`;
  }

  /** The account that signs in and consents at the next authorization. */
  signInAs(user: string): void {
    if (!this.options.users.includes(user))
      throw new Error(`FakeOAuthServer: unknown user ${user}`);
    this.consentUser = user;
  }

  /** The next authorization ends with the user pressing "Cancel" (error=access_denied). */
  denyNextConsent(): void {
    this.denyNext = true;
  }

  /** Every code issued so far is past its lifetime. */
  expireCodes(): void {
    this.grants.expireCodes();
  }

  /** Every access token issued so far is past its lifetime (introspection: inactive). */
  expireAccessTokens(): void {
    this.grants.expireAccessTokens();
  }

  /** The user withdrew the app's access: its refresh tokens get invalid_grant, its access tokens stop. */
  revokeUser(user: string): number {
    return this.grants.revokeUser(user);
  }

  /** `expires_in` of access tokens issued from now on. */
  setAccessTokenTtl(seconds: number): void {
    this.accessTokenTtl = seconds;
  }

  /** What a bearer token stands for, or null when it is not (or no longer) valid. */
  accessTokenInfo(token: string): AccessTokenInfo | null {
    return this.grants.accessTokenInfo(token);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const microsoft = MICROSOFT_PATH.exec(url.pathname);
    try {
      if (req.method === 'GET' && url.pathname === '/o/oauth2/v2/auth')
        return this.authorize('google', url.searchParams, res);
      if (req.method === 'GET' && microsoft?.[2] === 'authorize')
        return this.authorize('microsoft', url.searchParams, res);
      if (req.method === 'POST' && url.pathname === '/token')
        return await this.token('google', req, res);
      if (req.method === 'POST' && microsoft?.[2] === 'token')
        return await this.token('microsoft', req, res);
      if (req.method === 'POST' && url.pathname === '/introspect')
        return await this.introspect(req, res);
      if (req.method === 'POST' && url.pathname === '/revoke') return await this.revoke(req, res);
      if (req.method === 'GET' && (url.pathname === '/oauth2/v3/certs' || url.pathname === '/keys'))
        return sendJson(res, 200, this.signer.jwks());
      sendErrorPage(res, 404, 'Not found');
    } catch (err) {
      if (err instanceof OAuthError) return sendOAuthError(res, err, false);
      sendErrorPage(res, 500, String(err));
    }
  }

  /** RFC 6749 4.1.1; problems with the client or redirect URI are shown, never redirected. */
  private authorize(flavor: OAuthFlavor, query: URLSearchParams, res: ServerResponse): void {
    const params = Object.fromEntries(query.entries());
    this.authorizeRequests.push({ flavor, params });
    const client = this.client(params['client_id']);
    if (!client) return sendErrorPage(res, 401, 'invalid_client: The OAuth client was not found.');
    const redirectUri = params['redirect_uri'] ?? '';
    if (!client.redirectUris.includes(redirectUri))
      return sendErrorPage(res, 400, 'redirect_uri_mismatch: the redirect URI is not registered.');
    const state = params['state'] !== undefined ? { state: params['state'] } : {};
    const fail = (error: string, description: string) =>
      redirect(res, redirectUri, { error, error_description: description, ...state });

    if (params['response_type'] !== 'code')
      return fail('unsupported_response_type', 'Only the authorization code flow is supported.');
    const scope = (params['scope'] ?? '').trim();
    if (!scope) return fail('invalid_scope', 'Missing required parameter: scope');
    if (!params['code_challenge'] || params['code_challenge_method'] !== 'S256')
      return fail('invalid_request', 'This server requires PKCE with code_challenge_method=S256.');
    if (this.denyNext) {
      this.denyNext = false;
      return fail('access_denied', 'The user denied the request.');
    }
    const scopes = scope.split(/\s+/);
    const code = this.grants.issueCode({
      clientId: client.clientId,
      redirectUri,
      codeChallenge: params['code_challenge'],
      scope: scopes.join(' '),
      nonce: params['nonce'] ?? null,
      user: this.consentUser,
      flavor,
      offline:
        flavor === 'google'
          ? params['access_type'] === 'offline'
          : scopes.includes('offline_access'),
    });
    redirect(res, redirectUri, {
      code,
      ...state,
      ...(flavor === 'google' ? { scope: scopes.join(' '), authuser: '0', prompt: 'consent' } : {}),
      ...(flavor === 'microsoft' ? { session_state: 'fake-session' } : {}),
    });
  }

  /** RFC 6749 4.1.3 and 6: the two grants a mail client uses. */
  private async token(
    flavor: OAuthFlavor,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    let grantType = '';
    let clientId: string | null = null;
    let viaHeader = false;
    try {
      const form = await readForm(req);
      grantType = form.get('grant_type') ?? '';
      const credentials = clientCredentials(req, form);
      clientId = credentials.clientId;
      viaHeader = credentials.viaHeader;
      const client = this.client(credentials.clientId ?? undefined);
      if (!client || !sameSecret(client.clientSecret, credentials.clientSecret ?? ''))
        throw new OAuthError('invalid_client', 'The OAuth client was not found.');
      let issued: IssuedTokens;
      if (grantType === 'authorization_code') {
        const code = form.get('code');
        if (!code) throw new OAuthError('invalid_request', 'Missing required parameter: code');
        issued = this.grants.redeemCode(
          code,
          client.clientId,
          form.get('redirect_uri'),
          form.get('code_verifier'),
        );
      } else if (grantType === 'refresh_token') {
        const refreshToken = form.get('refresh_token');
        if (!refreshToken)
          throw new OAuthError('invalid_request', 'Missing required parameter: refresh_token');
        issued = this.grants.refresh(refreshToken, client.clientId);
      } else {
        throw new OAuthError('unsupported_grant_type', `Invalid grant_type: ${grantType}`);
      }
      this.record(grantType, clientId, 'issued', issued.accessToken);
      sendJson(res, 200, this.tokenResponse(flavor, issued));
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      this.record(grantType, clientId, err.error, null);
      sendOAuthError(res, err, viaHeader);
    }
  }

  private tokenResponse(flavor: OAuthFlavor, issued: IssuedTokens): Record<string, unknown> {
    const { grant } = issued;
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ...(flavor === 'microsoft' ? { ext_expires_in: issued.expiresIn } : {}),
      scope: grant.scope,
      ...(issued.refreshToken ? { refresh_token: issued.refreshToken } : {}),
      ...(grant.scope.split(' ').includes('openid')
        ? { id_token: this.signer.idToken(grant) }
        : {}),
    };
  }

  /** RFC 7662: only the resource server's own credentials may ask. */
  private async introspect(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const caller = clientCredentials(req, form);
    if (
      caller.clientId !== this.introspectionClient.clientId ||
      !sameSecret(this.introspectionClient.clientSecret, caller.clientSecret ?? '')
    ) {
      res.setHeader('WWW-Authenticate', 'Basic realm="introspection"');
      return sendJson(res, 401, { error: 'invalid_client' });
    }
    const token = form.get('token') ?? '';
    const info = this.grants.accessTokenInfo(token);
    this.introspections.push({ token, active: info !== null, username: info?.email ?? null });
    if (!info) return sendJson(res, 200, { active: false });
    sendJson(res, 200, {
      active: true,
      scope: info.scope,
      client_id: info.clientId,
      username: info.email,
      email: info.email,
      token_type: 'Bearer',
      exp: Math.floor(info.expiresAt.getTime() / 1000),
    });
  }

  /** RFC 7009: always 200, whether or not the token was known. */
  private async revoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    this.grants.revokeToken(form.get('token') ?? '');
    sendJson(res, 200, {});
  }

  private client(clientId: string | undefined): FakeOAuthClient | undefined {
    return this.options.clients.find((c) => c.clientId === clientId);
  }

  private record(
    grantType: string,
    clientId: string | null,
    outcome: string,
    accessToken: string | null,
  ): void {
    this.tokenRequests.push({ grantType, clientId, outcome, accessToken, at: new Date() });
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
