import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Grant } from './oauth-grants';

/** The tenant id our fake Microsoft accounts live in (`tid`), whatever tenant the path named. */
export const FAKE_MICROSOFT_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/**
 * Signs OpenID Connect ID tokens (RS256, as both providers do) with a key made at start; the
 * public half is served as a JWK set. Claims follow each provider's documentation: Google puts the
 * address in `email` (with `email_verified`), Microsoft in `preferred_username` (and `email` when
 * the `email` scope was granted).
 */
export class IdTokenSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  readonly keyId = createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 16);

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  idToken(grant: Grant): string {
    const now = Math.floor(Date.now() / 1000);
    const sub = createHash('sha256').update(`${grant.flavor}:${grant.user}`).digest('hex');
    const scopes = grant.scope.split(' ');
    const claims =
      grant.flavor === 'google'
        ? {
            iss: 'https://accounts.google.com',
            azp: grant.clientId,
            aud: grant.clientId,
            sub: sub.slice(0, 21),
            ...(scopes.includes('email') ? { email: grant.user, email_verified: true } : {}),
          }
        : {
            iss: `https://login.microsoftonline.com/${FAKE_MICROSOFT_TENANT_ID}/v2.0`,
            aud: grant.clientId,
            sub: sub.slice(0, 43),
            oid: sub.slice(0, 32),
            tid: FAKE_MICROSOFT_TENANT_ID,
            ver: '2.0',
            nbf: now,
            ...(scopes.includes('profile') ? { preferred_username: grant.user } : {}),
            ...(scopes.includes('email') ? { email: grant.user } : {}),
          };
    const payload = {
      ...claims,
      iat: now,
      exp: now + 3600,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    };
    const header = { alg: 'RS256', kid: this.keyId, typ: 'JWT' };
    const input = `${encode(header)}.${encode(payload)}`;
    const signature = sign('sha256', Buffer.from(input), this.privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  jwks(): { keys: object[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid: this.keyId, use: 'sig', alg: 'RS256' }] };
  }
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
