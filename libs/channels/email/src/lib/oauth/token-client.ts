import { z } from 'zod';
import { OAuthTokenError, OAuthUnavailableError } from './oauth-errors';
import type { EmailOAuthClient } from './oauth-providers';

/** What a successful token request gave us. */
export interface OAuthTokenSet {
  accessToken: string;
  expiresAt: Date;
  /** Present on the code exchange, and on a refresh when the provider rotated it. */
  refreshToken: string | null;
  idToken: string | null;
}

const TIMEOUT_MS = 15_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1).max(16_384),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  // Some providers have sent it as a string; an absent one is taken as an hour.
  expires_in: z.coerce
    .number()
    .int()
    .positive()
    .max(366 * 86_400)
    .default(3600),
  refresh_token: z.string().min(1).max(8192).optional(),
  id_token: z.string().min(1).max(16_384).optional(),
});

const errorResponseSchema = z.object({
  error: z.string().min(1).max(100),
  error_description: z.string().max(2000).optional(),
});

/** Redeems an authorization code (RFC 6749 4.1.3) with its PKCE verifier. */
export function exchangeAuthorizationCode(
  client: EmailOAuthClient,
  request: { code: string; redirectUri: string; codeVerifier: string },
): Promise<OAuthTokenSet> {
  return tokenRequest(client, {
    grant_type: 'authorization_code',
    code: request.code,
    redirect_uri: request.redirectUri,
    code_verifier: request.codeVerifier,
  });
}

/** A new access token for a refresh token (RFC 6749 6). */
export function refreshAccessToken(
  client: EmailOAuthClient,
  refreshToken: string,
): Promise<OAuthTokenSet> {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function tokenRequest(
  client: EmailOAuthClient,
  params: Record<string, string>,
): Promise<OAuthTokenSet> {
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(client.tokenUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      // client_secret_post: both providers accept it, and it needs no encoding rules of Basic.
      body: new URLSearchParams({
        ...params,
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }).toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new OAuthUnavailableError(
      `${client.profile.displayName} token endpoint unreachable: ${String(err)}`,
      { cause: err },
    );
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = errorResponseSchema.safeParse(body);
    // 4xx with an RFC 6749 error is the provider's answer; anything else is an outage.
    if (error.success && res.status < 500)
      throw new OAuthTokenError(error.data.error, error.data.error_description ?? null, res.status);
    throw new OAuthUnavailableError(
      `${client.profile.displayName} token endpoint answered ${res.status}`,
    );
  }
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success)
    throw new OAuthUnavailableError(
      `${client.profile.displayName} token endpoint answered something that is not a token`,
    );
  const data = parsed.data;
  return {
    accessToken: data.access_token,
    // Counted from when we asked, so a slow answer never makes the token look fresher than it is.
    expiresAt: new Date(sentAt + data.expires_in * 1000),
    refreshToken: data.refresh_token ?? null,
    idToken: data.id_token ?? null,
  };
}
