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
import { AppException } from '../../core/http/app.exception';
import type { PreChatProblem } from '../webchat/services/prechat-answers';
import { esc, sendPortalPage } from './pages/portal-layout';
import { FIELD_PREFIX, newRequestBody } from './pages/portal-pages';
import { PortalNewRequestService } from './portal-new-request.service';
import { pageContext } from './portal-page-context';
import { PortalPostLimit } from './portal-post-limit';
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
    private readonly limit: PortalPostLimit,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const c = pageContext(req);
    const form = await this.requests.form(caller.session);
    if (!form) return this.unavailable(req, res);
    sendPortalPage(res, 200, {
      locale: c.locale,
      title: c.s.newRequest,
      body: newRequestBody(c, caller.csrf, form.fields, undefined, { answers: form.prefill }),
    });
  }

  @Post()
  @UseFilters(PortalUploadRefusedFilter)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: PORTAL_MAX_UPLOAD_BYTES, files: 1, fields: 20 },
    }),
  )
  async create(
    @Body() body: unknown,
    @UploadedFile() file: PortalUpload | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caller = await this.sessions.resolve(req, res);
    if (!caller) return;
    const form = (body ?? {}) as Record<string, unknown>;
    if (!this.sessions.checkForm(caller, req, res, form._csrf)) return;
    if (!(await this.limit.allow(caller.session, req, res))) return;
    const c = pageContext(req);
    const subject = typeof form.subject === 'string' ? form.subject.trim().slice(0, 200) : '';
    const text = typeof form.text === 'string' ? form.text.trim().slice(0, 20_000) : '';
    const answers = answersOf(form);
    const hasFile = Boolean(file && file.originalname);
    const attachment = hasFile && file ? acceptedUpload(file) : null;
    const error =
      hasFile && !attachment ? c.s.badUpload : !subject || !text ? c.s.missingFields : null;
    const again = async (status: number, message: string): Promise<void> => {
      const page = await this.requests.form(caller.session);
      if (!page) {
        this.unavailable(req, res);
        return;
      }
      sendPortalPage(res, status, {
        locale: c.locale,
        title: c.s.newRequest,
        body: newRequestBody(c, caller.csrf, page.fields, message, { subject, text, answers }),
      });
    };
    if (error) return again(hasFile && !attachment ? 422 : 400, error);
    let id: string | null;
    try {
      id = await this.requests.open(caller.session, { subject, text, attachment, answers });
    } catch (e) {
      const problem = fieldProblem(e);
      if (!problem) throw e;
      const said = problem.missing ? c.s.fieldRequired : c.s.fieldInvalid;
      return again(400, said.replace('{field}', problem.label ?? problem.field ?? ''));
    }
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

/** The inbox fields' answers of a posted form, by field key. */
function answersOf(form: Record<string, unknown>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(form))
    if (name.startsWith(FIELD_PREFIX) && typeof value === 'string')
      answers[name.slice(FIELD_PREFIX.length)] = value.slice(0, 1000);
  return answers;
}

/** The field a refusal of the shared pre-chat validator names, if it is one. */
function fieldProblem(e: unknown): PreChatProblem | null {
  if (!(e instanceof AppException) || e.code !== 'VALIDATION_FAILED') return null;
  const details = e.details as Partial<PreChatProblem> | undefined;
  return details && typeof details.missing === 'boolean' ? (details as PreChatProblem) : null;
}
