import type { CookieOptions } from 'express';
import type { AppConfig } from '../config/app-config';

/**
 * The SPA's session cookie: HttpOnly (page scripts never see the token), SameSite=Strict (other
 * sites' requests do not carry it), and on https Secure with the `__Host-` prefix (no subdomain
 * can set or shadow it).
 */
export class SessionCookie {
  /** PUBLIC_URL is read when needed: tests learn their port only after the app started. */
  constructor(private readonly config: Pick<AppConfig, 'PUBLIC_URL'>) {}

  private get secure(): boolean {
    return this.config.PUBLIC_URL.startsWith('https:');
  }

  get name(): string {
    return this.secure ? '__Host-sb_session' : 'sb_session';
  }

  options(expiresAt: Date): CookieOptions {
    return { ...this.base(), expires: expiresAt };
  }

  /** For clearing: the same attributes, or the browser keeps the cookie. */
  base(): CookieOptions {
    return { httpOnly: true, secure: this.secure, sameSite: 'strict', path: '/' };
  }

  /** The session token from a Cookie header, if there is one. */
  read(cookieHeader: string | undefined): string | null {
    if (!cookieHeader) return null;
    for (const part of cookieHeader.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(0, eq).trim() !== this.name) continue;
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : null;
    }
    return null;
  }
}
