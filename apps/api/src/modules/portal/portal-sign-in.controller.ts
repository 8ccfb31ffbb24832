import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { sendPortalPage, esc } from './pages/portal-layout';
import { signInBody } from './pages/portal-pages';
import { pageContext, sameOrigin } from './portal-page-context';
import { PortalSessionCookie } from './portal-session-cookie';
import { PortalSignInService } from './portal-sign-in.service';

/**
 * `/portal/...` sign-in: the address form, the one-time link (opened with a button, so a mail
 * scanner that fetches links does not spend it), and sign-out.
 */
@ApiExcludeController()
@Public()
@Controller('portal')
export class PortalSignInController {
  private readonly cookie: PortalSessionCookie;

  constructor(
    private readonly signIn: PortalSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cookie = new PortalSessionCookie(config);
  }

  @Get(':accountId/sign-in')
  form(@Param('accountId') accountId: string, @Req() req: Request, @Res() res: Response): void {
    const c = pageContext(req);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: c.s.title,
      body: signInBody(c, accountId),
    });
  }

  @Post(':accountId/sign-in')
  async request(
    @Param('accountId') accountId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const c = pageContext(req);
    const email = (body as { email?: unknown } | undefined)?.email;
    const outcome = sameOrigin(req, this.config.PUBLIC_URL)
      ? await this.signIn.requestLink(accountId, email, req.ip, c.s)
      : 'invalid_email';
    const status = outcome === 'sent' ? 200 : outcome === 'rate_limited' ? 429 : 422;
    const notice =
      outcome === 'sent' ? c.s.linkSent : outcome === 'rate_limited' ? c.s.rateLimited : c.s.email;
    if (outcome === 'rate_limited') res.setHeader('Retry-After', '900');
    sendPortalPage(res, status, {
      locale: c.locale,
      title: c.s.title,
      body: signInBody(c, accountId, notice),
    });
  }

  @Get('link/:token')
  confirm(@Param('token') token: string, @Req() req: Request, @Res() res: Response): void {
    const c = pageContext(req);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: c.s.title,
      body: `<h1>${esc(c.s.signInHeading)}</h1>
        <form method="post" action="/portal/link/${encodeURIComponent(token)}">
        <button type="submit">${esc(c.s.requests)}</button></form>`,
    });
  }

  @Post('link/:token')
  async open(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const c = pageContext(req);
    const outcome = sameOrigin(req, this.config.PUBLIC_URL)
      ? await this.signIn.consumeLink(token)
      : 'invalid';
    if (typeof outcome === 'string') {
      res.clearCookie(this.cookie.name, this.cookie.base());
      sendPortalPage(res, outcome === 'expired' ? 410 : 400, {
        locale: c.locale,
        title: c.s.title,
        body: signInBody(c, null, outcome === 'expired' ? c.s.linkExpired : c.s.linkInvalid),
      });
      return;
    }
    res.cookie(this.cookie.name, outcome.sessionToken, this.cookie.options(outcome.expiresAt));
    res.redirect(303, '/portal/requests');
  }
}
