import type { EmailOAuthClient } from './oauth-providers';

export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  codeChallenge: string;
  nonce: string;
  /** The mailbox we expect, so the provider offers that account first. */
  loginHint?: string;
}

/** The provider's consent page for this request (RFC 6749 4.1.1, with PKCE and an OIDC nonce). */
export function authorizationUrl(client: EmailOAuthClient, request: AuthorizationRequest): string {
  const url = new URL(client.authorizeUrl);
  const params: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: client.profile.scopes.join(' '),
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    ...client.profile.authorizeParams,
    ...(request.loginHint ? { login_hint: request.loginHint } : {}),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
