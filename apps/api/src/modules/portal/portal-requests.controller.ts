import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { isActiveContent } from '../../core/storage/content-type-sniffer';
import { esc, sendPortalPage } from './pages/portal-layout';
import { requestBody, requestsBody } from './pages/portal-pages';
import { pageContext } from './portal-page-context';
import { PortalPostLimit } from './portal-post-limit';
import { PortalRequestsService } from './portal-requests.service';
import { PortalSessionResolver } from './portal-session.resolver';
import { PortalSignInService } from './portal-sign-in.service';
import { PortalUploadRefusedFilter } from './portal-upload-refused.filter';
import { acceptedUpload, PORTAL_MAX_UPLOAD_BYTES, type PortalUpload } from './portal-upload';

const MAX_TEXT = 20_000;

/** The signed-in customer's pages: their requests, one request, a reply, a file, sign-out. */
@ApiExcludeController()
@Public()
@Controller('portal')
export class PortalRequestsController {
  constructor(
    private readonly sessions: PortalSessionResolver,
    private readonly requests: PortalRequestsService,
    private readonly signIn: PortalSignInService,
    private readonly limit: PortalPostLimit,
  ) {}

  @Get('requests')
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const c = pageContext(req);
    const rows = await this.requests.list(caller.session);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: c.s.title,
      body: requestsBody(c, caller.csrf, rows),
    });
  }

  @Get('requests/:id')
  async show(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const c = pageContext(req);
    const found = await this.requests.show(caller.session, id);
    if (!found) return this.notFound(req, res);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: `#${found.request.number}`,
      body: requestBody(c, caller.csrf, found.request, found.messages),
    });
  }

  @Post('requests/:id/replies')
  @UseFilters(PortalUploadRefusedFilter)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: PORTAL_MAX_UPLOAD_BYTES, files: 1, fields: 5 } }),
  )
  async reply(
    @Param('id') id: string,
    @Body() body: unknown,
    @UploadedFile() file: PortalUpload | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const form = (body ?? {}) as { _csrf?: unknown; text?: unknown };
    if (!this.sessions.checkForm(caller, req, res, form._csrf)) return;
    const found = await this.requests.show(caller.session, id);
    if (!found) return this.notFound(req, res);
    if (!(await this.limit.allow(caller.session, req, res))) return;
    const c = pageContext(req);
    const text = typeof form.text === 'string' ? form.text.trim().slice(0, MAX_TEXT) : '';
    const hasFile = Boolean(file && file.originalname);
    const attachment = hasFile && file ? acceptedUpload(file) : null;
    const error =
      hasFile && !attachment ? c.s.badUpload : !text && !hasFile ? c.s.emptyReply : null;
    if (error) {
      sendPortalPage(res, hasFile ? 422 : 400, {
        locale: c.locale,
        title: `#${found.request.number}`,
        body: requestBody(c, caller.csrf, found.request, found.messages, error),
      });
      return;
    }
    const joined = await this.requests.reply(caller.session, id, text, attachment);
    if (!joined) return this.notFound(req, res);
    res.redirect(303, `/portal/requests/${joined}`);
  }

  @Get('files/:fileId/:filename')
  async file(
    @Param('fileId') fileId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const file = await this.requests.file(caller.session, fileId);
    if (!file) return this.notFound(req, res);
    const type = isActiveContent(file.contentType) ? 'application/octet-stream' : file.contentType;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', file.size);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    const stream = await this.requests.read(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  @Post('sign-out')
  async signOut(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    if (
      !this.sessions.checkForm(caller, req, res, (body as { _csrf?: unknown } | undefined)?._csrf)
    )
      return;
    await this.signIn.signOut(caller.token);
    res.clearCookie(this.sessions.cookie.name, this.sessions.cookie.base());
    const c = pageContext(req);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: c.s.title,
      body: `<p class="notice" role="status">${esc(c.s.signedOut)}</p>`,
    });
  }

  /** Another customer's request or file, or none at all: the same 404. */
  private notFound(req: Request, res: Response): void {
    const c = pageContext(req);
    sendPortalPage(res, 404, {
      locale: c.locale,
      title: c.s.title,
      body: `<p>${esc(c.s.notFound)}</p><p><a href="/portal/requests">${esc(c.s.back)}</a></p>`,
    });
  }
}
