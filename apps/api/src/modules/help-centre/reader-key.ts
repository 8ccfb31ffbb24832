import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

/** An anonymous reader of the help centre: a random id in an httpOnly cookie, nothing else. */
export const READER_COOKIE = 'sb_help_reader';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const COOKIE_VALUE = /^[A-Za-z0-9_-]{20,64}$/;

/** The reader's cookie value, or a new one set on the response. */
export function readerCookie(req: Request, res: Response): string {
  const existing = cookieValue(req.headers.cookie, READER_COOKIE);
  if (existing && COOKIE_VALUE.test(existing)) return existing;
  const fresh = randomBytes(24).toString('base64url');
  res.append(
    'Set-Cookie',
    `${READER_COOKIE}=${fresh}; Path=/help; Max-Age=${ONE_YEAR_SECONDS}; HttpOnly; SameSite=Lax` +
      (req.secure ? '; Secure' : ''),
  );
  return fresh;
}

/** What is stored as `reader_key`: a hash, so the database never holds the cookie itself. */
export function readerKey(cookie: string): string {
  return createHash('sha256').update(`help-reader:${cookie}`).digest('hex');
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
