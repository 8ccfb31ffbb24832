import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { MAX_TEXT_LENGTH } from '@switchboard/contracts';
import {
  checkAttachment,
  WEBCHAT_ATTACHMENT_TYPES,
  WEBCHAT_MAX_ATTACHMENT_BYTES,
  type VisitorSessionRequest,
} from '@switchboard/channels-webchat';
import type { Request, Response } from 'express';
import { Public } from '../../../core/auth/auth.guard';
import { AppException, notFound } from '../../../core/http/app.exception';
import { ApiZodBody } from '../../../core/http/api-zod.decorators';
import { parseWith } from '../../../core/http/zod-validation.pipe';
import { FilesService } from '../../../core/storage/files.service';
import {
  visitorAttachmentFieldsSchema,
  visitorContactRequestSchema,
  visitorSessionRequestSchema,
  visitorTextRequestSchema,
} from '../dto/widget-requests';
import type {
  VisitorHistoryDto,
  VisitorMessageDto,
  VisitorSessionDto,
} from '../dto/widget-wire.dto';
import { WebchatVisitorRepository } from '../repositories/webchat-visitor.repository';
import {
  bearer,
  VisitorAuthService,
  type VisitorPrincipal,
} from '../services/visitor-auth.service';
import { VisitorHistoryService } from '../services/visitor-history.service';
import { VisitorMessagesService } from '../services/visitor-messages.service';

/** Multer's in-memory upload, as far as we read it. */
interface UploadedBlob {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** The visitor API the widget calls. Public: the visitor token is the credential. */
@ApiTags('widget')
@Public()
@Controller('widget/:inboxId')
export class WidgetVisitorController {
  constructor(
    private readonly auth: VisitorAuthService,
    private readonly messages: VisitorMessagesService,
    private readonly history: VisitorHistoryService,
    private readonly visitors: WebchatVisitorRepository,
    private readonly files: FilesService,
  ) {}

  /** Opens or resumes a visitor session: returns a signed visitor token and the widget settings. */
  @Post('session')
  @HttpCode(200)
  @ApiZodBody(visitorSessionRequestSchema)
  async session(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Req() req: Request,
    @Body(parseWith(visitorSessionRequestSchema)) body: VisitorSessionRequest,
  ): Promise<VisitorSessionDto> {
    const s = await this.auth.session(inboxId, info(req), body);
    const visitor = await this.visitors.findContact(inboxId, s.visitorKey);
    const settings = s.ctx.settings;
    return {
      visitorToken: s.token,
      visitorId: s.claims.visitorId,
      identified: s.claims.userId !== null,
      email: visitor?.email ?? null,
      settings: {
        inboxName: s.inbox.name,
        greeting: settings.greeting,
        accentColor: settings.accentColor,
        askEmail: settings.askEmail,
        officeHoursMessage: settings.officeHoursMessage,
        maxTextLength: MAX_TEXT_LENGTH,
        maxAttachmentBytes: WEBCHAT_MAX_ATTACHMENT_BYTES,
        attachmentTypes: [...WEBCHAT_ATTACHMENT_TYPES],
      },
    };
  }

  @Get('messages')
  async list(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Req() req: Request,
  ): Promise<VisitorHistoryDto> {
    const p = await this.visitor(inboxId, req);
    return { items: await this.history.history(inboxId, p.visitorKey) };
  }

  @Post('messages')
  @HttpCode(200)
  @ApiZodBody(visitorTextRequestSchema)
  async send(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Req() req: Request,
    @Body() raw: unknown,
  ): Promise<VisitorMessageDto> {
    const p = await this.visitor(inboxId, req);
    assertTextLength(raw);
    const body = visitorTextRequestSchema.parse(raw ?? {});
    return this.messages.send(p, body, req.ip ?? '0.0.0.0');
  }

  @Post('attachments')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: WEBCHAT_MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  async upload(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Req() req: Request,
    @UploadedFile() file: UploadedBlob | undefined,
    @Body() raw: unknown,
  ): Promise<VisitorMessageDto> {
    const p = await this.visitor(inboxId, req);
    if (!file)
      throw new AppException('VALIDATION_FAILED', 'A file is required (multipart field "file")');
    assertTextLength(raw);
    const fields = visitorAttachmentFieldsSchema.parse(raw ?? {});
    const check = checkAttachment(file.buffer);
    if (!check.ok) {
      switch (check.reason) {
        case 'too_large':
          throw new AppException(
            'PAYLOAD_TOO_LARGE',
            `Files can be at most ${WEBCHAT_MAX_ATTACHMENT_BYTES} bytes`,
          );
        case 'empty':
          throw new AppException('VALIDATION_FAILED', 'The file is empty');
        case 'type_not_allowed':
          throw new AppException(
            'UNSUPPORTED_MEDIA_TYPE',
            'Only PNG, JPEG, GIF, WebP images and PDF files can be sent',
          );
      }
    }
    const attachment = {
      filename: file.originalname || 'attachment',
      contentType: check.contentType,
      content: file.buffer,
    };
    return this.messages.send(p, { ...fields, attachment }, req.ip ?? '0.0.0.0');
  }

  @Get('attachments/:fileId')
  async download(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const p = await this.visitor(inboxId, req);
    const file = (await this.history.canReadFile(inboxId, p.visitorKey, fileId))
      ? await this.files.find(fileId)
      : null;
    if (!file) throw notFound('Attachment');
    const safe = (WEBCHAT_ATTACHMENT_TYPES as readonly string[]).includes(file.contentType);
    res.setHeader('Content-Type', safe ? file.contentType : 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    res.send(await this.files.readBuffer(file));
  }

  /** The visitor's "email me the answer" address. */
  @Post('contact')
  @HttpCode(200)
  @ApiZodBody(visitorContactRequestSchema)
  async contact(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Req() req: Request,
    @Body(parseWith(visitorContactRequestSchema)) body: { email: string; pageUrl?: string | null },
  ): Promise<{ email: string }> {
    const p = await this.visitor(inboxId, req);
    const pageUrl = body.pageUrl && isAllowedPage(body.pageUrl, p) ? body.pageUrl : null;
    await this.visitors.saveEmail(inboxId, p.visitorKey, body.email, pageUrl);
    return { email: body.email };
  }

  private visitor(inboxId: string, req: Request): Promise<VisitorPrincipal> {
    return this.auth.visitor(inboxId, info(req), bearer(req.headers.authorization));
  }
}

function info(req: Request) {
  return { headers: req.headers, secure: req.secure };
}

function isAllowedPage(pageUrl: string, p: VisitorPrincipal): boolean {
  try {
    return (
      p.ctx.settings.allowedOrigins.includes(new URL(pageUrl).origin) ||
      p.ctx.settings.allowedOrigins.includes('*')
    );
  } catch {
    return false;
  }
}

/** Too long gets its own code (422), so the widget can say exactly what is wrong. */
function assertTextLength(raw: unknown): void {
  const text = (raw as { text?: unknown } | null)?.text;
  if (typeof text === 'string' && text.length > MAX_TEXT_LENGTH) {
    throw new AppException('TEXT_TOO_LONG', `Text is longer than ${MAX_TEXT_LENGTH} characters`);
  }
}
