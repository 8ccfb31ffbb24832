import type { CookieOptions } from 'express';
import type { AppConfig } from '../config/app-config';

/** What tells one session cookie from another: its name, SameSite and longest token. */
export interface SessionCookieKind {
  name: string;
  sameSite: 'strict' | 'lax';
  maxLength: number;
}

const OPERATOR_COOKIE: SessionCookieKind = {
  name: 'sb_session',
  sameSite: 'strict',
  maxLength: 200,
};

/**
 * The SPA's session cookie: HttpOnly (page scripts never see the token), SameSite=Strict (other
 * sites' requests do not carry it), and on https Secure with the `__Host-` prefix (no subdomain
 * can set or shadow it).
 */
export class SessionCookie {
  /** PUBLIC_URL is read when needed: tests learn their port only after the app started. */
  constructor(
    private readonly config: Pick<AppConfig, 'PUBLIC_URL'>,
    private readonly kind: SessionCookieKind = OPERATOR_COOKIE,
  ) {}

  private get secure(): boolean {
    return this.config.PUBLIC_URL.startsWith('https:');
  }

  get name(): string {
    return this.secure ? `__Host-${this.kind.name}` : this.kind.name;
  }

  options(expiresAt: Date): CookieOptions {
    return { ...this.base(), expires: expiresAt };
  }

  /** For clearing: the same attributes, or the browser keeps the cookie. */
  base(): CookieOptions {
    return { httpOnly: true, secure: this.secure, sameSite: this.kind.sameSite, path: '/' };
  }

  /** The session token from a Cookie header, if there is one. */
  read(cookieHeader: string | undefined): string | null {
    if (!cookieHeader) return null;
    for (const part of cookieHeader.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(0, eq).trim() !== this.name) continue;
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]+$/.test(value) && value.length <= this.kind.maxLength ? value : null;
    }
    return null;
  }
}
