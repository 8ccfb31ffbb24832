import type { Request } from 'express';
import type { PageContext } from './pages/portal-pages';
import { portalLocale, portalStrings } from './pages/portal-strings';

/** The customer's language for this request (Accept-Language), and its strings. */
export function pageContext(req: Request): PageContext {
  const locale = portalLocale(req.headers['accept-language']);
  return { locale, s: portalStrings(locale) };
}

/**
 * A form POST from another site is refused. Browsers send Origin on every POST form; a request
 * without one is not a browser's cross-site form, so it is let through to the other checks.
 */
export function sameOrigin(req: Request, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}
