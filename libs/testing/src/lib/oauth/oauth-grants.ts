import { createHash, randomBytes } from 'node:crypto';
import { OAuthError } from './oauth-error';
import type { AccessTokenInfo, OAuthFlavor } from './fake-oauth-types';

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | null;
  user: string;
  flavor: OAuthFlavor;
  /** A refresh token comes with the code (Google: access_type=offline; Microsoft: offline_access). */
  offline: boolean;
  expiresAt: number;
  /** Set once redeemed: a second use fails and revokes what the first one got (RFC 6749 4.1.2). */
  grantId: string | null;
}

/** What one consent gave one client: the refresh token and every access token minted from it. */
export interface Grant {
  id: string;
  user: string;
  clientId: string;
  scope: string;
  flavor: OAuthFlavor;
  nonce: string | null;
  refreshToken: string | null;
  revoked: boolean;
}

interface AccessToken {
  grantId: string;
  expiresAt: number;
}

export interface IssuedTokens {
  grant: Grant;
  accessToken: string;
  expiresIn: number;
  /** A new refresh token: on the code exchange (when offline), and on a rotating refresh. */
  refreshToken: string | null;
}

/**
 * The authorization server's memory: codes, grants, refresh and access tokens. Tokens are opaque
 * random strings, as both providers' are to a client.
 */
export class OAuthGrants {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly accessTokens = new Map<string, AccessToken>();

  constructor(
    private readonly settings: {
      codeTtlSeconds: number;
      accessTokenTtlSeconds: () => number;
      rotateRefreshTokens: (flavor: OAuthFlavor) => boolean;
    },
  ) {}

  issueCode(code: Omit<AuthorizationCode, 'expiresAt' | 'grantId'>): string {
    const value = token(code.flavor === 'google' ? '4/0A' : 'M.C5');
    this.codes.set(value, {
      ...code,
      expiresAt: Date.now() + this.settings.codeTtlSeconds * 1000,
      grantId: null,
    });
    return value;
  }

  redeemCode(
    code: string,
    clientId: string,
    redirectUri: string | null,
    codeVerifier: string | null,
  ): IssuedTokens {
    const found = this.codes.get(code);
    if (!found || found.clientId !== clientId)
      throw new OAuthError('invalid_grant', 'Malformed auth code.');
    if (found.grantId) {
      this.revokeGrant(found.grantId);
      throw new OAuthError('invalid_grant', 'The authorization code has already been redeemed.');
    }
    if (found.expiresAt <= Date.now())
      throw new OAuthError('invalid_grant', 'The authorization code has expired.');
    if (redirectUri !== found.redirectUri)
      throw new OAuthError('invalid_grant', 'The redirect_uri does not match the authorization.');
    if (!codeVerifier) throw new OAuthError('invalid_request', 'Missing code verifier.');
    if (s256(codeVerifier) !== found.codeChallenge)
      throw new OAuthError('invalid_grant', 'The code_verifier does not match the code_challenge.');
    const grant: Grant = {
      id: token('grant'),
      user: found.user,
      clientId,
      scope: found.scope,
      flavor: found.flavor,
      nonce: found.nonce,
      refreshToken: found.offline ? token(found.flavor === 'google' ? '1//0g' : 'M.R3') : null,
      revoked: false,
    };
    found.grantId = grant.id;
    this.grants.set(grant.id, grant);
    if (grant.refreshToken) this.refreshTokens.set(grant.refreshToken, grant.id);
    return { grant, ...this.mintAccessToken(grant), refreshToken: grant.refreshToken };
  }

  refresh(refreshToken: string, clientId: string): IssuedTokens {
    const grant = this.grants.get(this.refreshTokens.get(refreshToken) ?? '');
    if (!grant || grant.clientId !== clientId || grant.revoked)
      throw new OAuthError('invalid_grant', 'Token has been expired or revoked.');
    let rotated: string | null = null;
    if (this.settings.rotateRefreshTokens(grant.flavor)) {
      rotated = token(grant.flavor === 'google' ? '1//0g' : 'M.R3');
      this.refreshTokens.delete(refreshToken);
      this.refreshTokens.set(rotated, grant.id);
      grant.refreshToken = rotated;
    }
    return { grant, ...this.mintAccessToken(grant), refreshToken: rotated };
  }

  /** The token's meaning while it is active; null when unknown, expired or revoked. */
  accessTokenInfo(value: string): AccessTokenInfo | null {
    const found = this.accessTokens.get(value);
    const grant = found && this.grants.get(found.grantId);
    if (!found || !grant || grant.revoked || found.expiresAt <= Date.now()) return null;
    return {
      email: grant.user,
      clientId: grant.clientId,
      scope: grant.scope,
      expiresAt: new Date(found.expiresAt),
    };
  }

  /** The user withdrew consent (or an admin did): refresh and access tokens stop working. */
  revokeUser(user: string): number {
    let revoked = 0;
    for (const grant of this.grants.values()) {
      if (grant.user.toLowerCase() === user.toLowerCase() && !grant.revoked) {
        this.revokeGrant(grant.id);
        revoked++;
      }
    }
    return revoked;
  }

  /** RFC 7009: revoking either token of a grant ends the whole grant, as Google does. */
  revokeToken(value: string): void {
    const grantId = this.refreshTokens.get(value) ?? this.accessTokens.get(value)?.grantId;
    if (grantId) this.revokeGrant(grantId);
  }

  expireCodes(): void {
    for (const code of this.codes.values()) code.expiresAt = Date.now() - 1;
  }

  expireAccessTokens(): void {
    for (const access of this.accessTokens.values()) access.expiresAt = Date.now() - 1;
  }

  private revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  private mintAccessToken(grant: Grant): { accessToken: string; expiresIn: number } {
    const expiresIn = this.settings.accessTokenTtlSeconds();
    const accessToken = token(grant.flavor === 'google' ? 'ya29.' : 'EwBw');
    this.accessTokens.set(accessToken, {
      grantId: grant.id,
      expiresAt: Date.now() + expiresIn * 1000,
    });
    return { accessToken, expiresIn };
  }
}

/** PKCE S256 (RFC 7636 section 4.2): BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function token(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}
