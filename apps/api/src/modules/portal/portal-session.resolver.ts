import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { sendPortalPage } from './pages/portal-layout';
import { signInBody } from './pages/portal-pages';
import type { PortalSessionRow } from './portal-access.repository';
import { pageContext, sameOrigin } from './portal-page-context';
import { PortalSessionCookie } from './portal-session-cookie';
import { PortalSignInService } from './portal-sign-in.service';
import { portalCsrfToken } from './portal-token';

export interface PortalCaller {
  session: PortalSessionRow;
  token: string;
  csrf: string;
}

/**
 * The portal session of a request, or the answer for its absence: 401 with the sign-in notice
 * (a missing, expired, revoked or tampered cookie all look the same, and the cookie is cleared).
 */
@Injectable()
export class PortalSessionResolver {
  readonly cookie: PortalSessionCookie;

  constructor(
    private readonly signIn: PortalSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cookie = new PortalSessionCookie(config);
  }

  async resolve(req: Request, res: Response): Promise<PortalCaller | null> {
    const token = this.cookie.read(req.headers.cookie);
    const session = await this.signIn.session(token);
    if (!token || !session) {
      if (req.headers.cookie?.includes(this.cookie.name))
        res.clearCookie(this.cookie.name, this.cookie.base());
      const c = pageContext(req);
      sendPortalPage(res, 401, {
        locale: c.locale,
        title: c.s.title,
        body: signInBody(c, null, c.s.signedOut),
      });
      return null;
    }
    return { session, token, csrf: portalCsrfToken(this.config.APP_SECRET, token) };
  }

  /** A form POST must carry the session's CSRF token and come from our own origin; else 403. */
  checkForm(caller: PortalCaller, req: Request, res: Response, given: unknown): boolean {
    const expected = Buffer.from(caller.csrf);
    const actual = Buffer.from(typeof given === 'string' ? given : '');
    const ok =
      sameOrigin(req, this.config.PUBLIC_URL) &&
      actual.length === expected.length &&
      timingSafeEqual(actual, expected);
    if (!ok) {
      const c = pageContext(req);
      sendPortalPage(res, 403, {
        locale: c.locale,
        title: c.s.title,
        body: `<p class="notice" role="alert">${c.s.badForm}</p><p><a href="/portal/requests">${c.s.back}</a></p>`,
      });
    }
    return ok;
  }
}
