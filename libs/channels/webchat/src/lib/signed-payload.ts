import { createHmac, timingSafeEqual } from 'node:crypto';

/** Longest token we look at; anything longer is refused before any work. */
export const MAX_SIGNED_TOKEN_LENGTH = 2048;

/**
 * `<version>.<base64url JSON>.<base64url HMAC-SHA256>`: a small signed payload. The version is
 * part of what is signed, so a token of one kind can never pass as another even under one key.
 */
export function signPayload(key: Buffer, version: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${version}.${body}.${mac(key, version, body).toString('base64url')}`;
}

/** The payload's JSON if the token has this version and a valid signature; null otherwise. */
export function openSignedPayload(key: Buffer, version: string, token: string): unknown {
  if (token.length > MAX_SIGNED_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== version) return null;
  const [, body, signature] = parts;
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(key, version, body);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

function mac(key: Buffer, version: string, body: string): Buffer {
  return createHmac('sha256', key).update(`${version}.${body}`).digest();
}
