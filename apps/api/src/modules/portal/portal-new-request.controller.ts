import {
  Body,
  Controller,
  Get,
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
import { esc, sendPortalPage } from './pages/portal-layout';
import { newRequestBody } from './pages/portal-pages';
import { PortalNewRequestService } from './portal-new-request.service';
import { pageContext } from './portal-page-context';
import { PortalSessionResolver } from './portal-session.resolver';
import { PortalUploadRefusedFilter } from './portal-upload-refused.filter';
import { acceptedUpload, PORTAL_MAX_UPLOAD_BYTES, type PortalUpload } from './portal-upload';

/** `/portal/new`: the customer opens a new request (docs/portal.md says where it goes). */
@ApiExcludeController()
@Public()
@Controller('portal/new')
export class PortalNewRequestController {
  constructor(
    private readonly sessions: PortalSessionResolver,
    private readonly requests: PortalNewRequestService,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const c = pageContext(req);
    if (!(await this.requests.available(caller.session))) return this.unavailable(req, res);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: c.s.newRequest,
      body: newRequestBody(c, caller.csrf),
    });
  }

  @Post()
  @UseFilters(PortalUploadRefusedFilter)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: PORTAL_MAX_UPLOAD_BYTES, files: 1, fields: 5 } }),
  )
  async create(
    @Body() body: unknown,
    @UploadedFile() file: PortalUpload | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const form = (body ?? {}) as { _csrf?: unknown; subject?: unknown; text?: unknown };
    if (!this.sessions.checkForm(caller, req, res, form._csrf)) return;
    const c = pageContext(req);
    const subject = typeof form.subject === 'string' ? form.subject.trim().slice(0, 200) : '';
    const text = typeof form.text === 'string' ? form.text.trim().slice(0, 20_000) : '';
    const hasFile = Boolean(file && file.originalname);
    const attachment = hasFile && file ? acceptedUpload(file) : null;
    const error =
      hasFile && !attachment ? c.s.badUpload : !subject || !text ? c.s.missingFields : null;
    if (error) {
      sendPortalPage(res, hasFile && !attachment ? 422 : 400, {
        locale: c.locale,
        title: c.s.newRequest,
        body: newRequestBody(c, caller.csrf, error, { subject, text }),
      });
      return;
    }
    const id = await this.requests.open(caller.session, { subject, text, attachment });
    if (!id) return this.unavailable(req, res);
    res.redirect(303, `/portal/requests/${id}`);
  }

  /** No inbox takes portal requests (or no address to answer to): say so, plainly. */
  private unavailable(req: Request, res: Response): void {
    const c = pageContext(req);
    sendPortalPage(res, 404, {
      locale: c.locale,
      title: c.s.newRequest,
      body: `<p>${esc(c.s.notFound)}</p><p><a href="/portal/requests">${esc(c.s.back)}</a></p>`,
    });
  }
}
