/** A registered application (a "client" in RFC 6749 terms). */
export interface FakeOAuthClient {
  clientId: string;
  clientSecret: string;
  /** Redirect URIs matched exactly, as Google and Microsoft do. */
  redirectUris: string[];
}

/**
 * Which provider's shapes an authorization follows. Decided by the authorize path the client used:
 * `/o/oauth2/v2/auth` is Google, `/{tenant}/oauth2/v2.0/authorize` is Microsoft identity platform.
 */
export type OAuthFlavor = 'google' | 'microsoft';

export interface FakeOAuthOptions {
  clients: FakeOAuthClient[];
  /** Mailbox addresses that can sign in; the first one consents until `signInAs` names another. */
  users: string[];
  /** Lifetime of an authorization code (Google: 10 minutes; Microsoft: about 10 minutes). */
  codeTtlSeconds?: number;
  /** `expires_in` of access tokens (Google answers 3599, Microsoft 3600 to 5000). */
  accessTokenTtlSeconds?: number;
  /**
   * Microsoft's refresh tokens replace themselves on every use; Google's do not. By default each
   * flavor behaves as its provider; true or false forces it for both.
   */
  rotateRefreshTokens?: boolean;
}

/** One request to the token endpoint, as the provider's logs would show it. */
export interface TokenRequestRecord {
  grantType: string;
  clientId: string | null;
  /** `issued`, or the RFC 6749 error code the endpoint answered with. */
  outcome: string;
  /** The access token issued, when one was. */
  accessToken: string | null;
  at: Date;
}

/** One call of the authorization endpoint that reached consent (or was refused before it). */
export interface AuthorizeRequestRecord {
  flavor: OAuthFlavor;
  params: Record<string, string>;
}

/** One introspection (RFC 7662), as a resource server such as Dovecot asked it. */
export interface IntrospectionRecord {
  token: string;
  active: boolean;
  username: string | null;
}

/** What a bearer token stands for, for resource servers (the SMTP peer). */
export interface AccessTokenInfo {
  email: string;
  clientId: string;
  scope: string;
  expiresAt: Date;
}
