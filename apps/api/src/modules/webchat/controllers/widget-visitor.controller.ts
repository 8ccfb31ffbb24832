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
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import {
  isWithinBusinessHours,
  MAX_TEXT_LENGTH,
  nextOpening,
  type BusinessHours,
  type WidgetAvailabilityDto,
} from '@switchboard/contracts';
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
  VisitorContactDto,
  VisitorHistoryDto,
  VisitorMessageDto,
  VisitorSessionDto,
} from '../dto/widget-wire.dto';
import { FollowUpAddressService } from '../services/follow-up-address.service';
import { VisitorAuthService, type VisitorPrincipal } from '../services/visitor-auth.service';
import { VisitorHistoryService } from '../services/visitor-history.service';
import { VisitorMessagesService } from '../services/visitor-messages.service';
import { CLIENT_MESSAGE_ID_HEADER, UploadAllowanceGuard } from './upload-allowance.guard';
import { CurrentVisitor, VisitorGuard, widgetCaller } from './visitor.guard';
import { WidgetExceptionFilter } from './widget-exception.filter';
import { ApiFileResponse } from '../../../core/http/openapi/api-raw-responses';

/** Multer's in-memory upload, as far as we read it. */
interface UploadedBlob {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** The visitor API the widget calls. Public: the visitor token is the credential. */
@ApiTags('widget')
@Public()
@UseFilters(WidgetExceptionFilter)
@Controller('widget/:inboxId')
export class WidgetVisitorController {
  constructor(
    private readonly auth: VisitorAuthService,
    private readonly messages: VisitorMessagesService,
    private readonly history: VisitorHistoryService,
    private readonly followUp: FollowUpAddressService,
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
    const s = await this.auth.session(inboxId, { headers: req.headers, secure: req.secure }, body);
    const contact = await this.followUp.state(inboxId, s.visitorKey);
    const settings = s.ctx.settings;
    return {
      visitorToken: s.token,
      visitorId: s.claims.visitorId,
      identified: s.claims.userId !== null,
      email: contact.email,
      pendingEmail: contact.pendingEmail,
      settings: {
        inboxName: s.inbox.name,
        greeting: settings.greeting,
        accentColor: settings.accentColor,
        askEmail: settings.askEmail,
        officeHoursMessage: settings.officeHoursMessage,
        maxTextLength: MAX_TEXT_LENGTH,
        maxAttachmentBytes: WEBCHAT_MAX_ATTACHMENT_BYTES,
        attachmentTypes: [...WEBCHAT_ATTACHMENT_TYPES],
        preChatFields: settings.preChatFields,
        availability: availabilityOf(s.inbox.businessHours, new Date()),
      },
    };
  }

  @Get('messages')
  @UseGuards(VisitorGuard)
  async list(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @CurrentVisitor() p: VisitorPrincipal,
  ): Promise<VisitorHistoryDto> {
    return { items: await this.history.history(inboxId, p.visitorKey) };
  }

  @Post('messages')
  @HttpCode(200)
  @UseGuards(VisitorGuard)
  @ApiZodBody(visitorTextRequestSchema)
  async send(
    @Req() req: Request,
    @CurrentVisitor() p: VisitorPrincipal,
    @Body() raw: unknown,
  ): Promise<VisitorMessageDto> {
    assertTextLength(raw);
    const body = visitorTextRequestSchema.parse(raw ?? {});
    return this.messages.send(p, body, widgetCaller(req, p));
  }

  /** The token and the day's allowance are checked (guards) before multer reads the body. */
  @Post('attachments')
  @HttpCode(200)
  @UseGuards(VisitorGuard, UploadAllowanceGuard)
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: WEBCHAT_MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  async upload(
    @Req() req: Request,
    @CurrentVisitor() p: VisitorPrincipal,
    @UploadedFile() file: UploadedBlob | undefined,
    @Body() raw: unknown,
  ): Promise<VisitorMessageDto> {
    if (!file)
      throw new AppException('VALIDATION_FAILED', 'A file is required (multipart field "file")');
    assertTextLength(raw);
    const fields = visitorAttachmentFieldsSchema.parse(raw ?? {});
    const named = req.headers[CLIENT_MESSAGE_ID_HEADER];
    if (typeof named === 'string' && named !== fields.clientMessageId)
      throw new AppException(
        'VALIDATION_FAILED',
        `The ${CLIENT_MESSAGE_ID_HEADER} header must repeat the form's clientMessageId`,
      );
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
    return this.messages.send(p, { ...fields, attachment }, widgetCaller(req, p));
  }

  @Get('attachments/:fileId')
  @ApiFileResponse()
  @UseGuards(VisitorGuard)
  async download(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @CurrentVisitor() p: VisitorPrincipal,
    @Res() res: Response,
  ): Promise<void> {
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

  /**
   * The visitor's "email me the answer" address: mails a confirmation link to it; the address is
   * used once the link is opened (see WidgetEmailConfirmationController).
   */
  @Post('contact')
  @HttpCode(200)
  @UseGuards(VisitorGuard)
  @ApiZodBody(visitorContactRequestSchema)
  async contact(
    @Req() req: Request,
    @CurrentVisitor() p: VisitorPrincipal,
    @Body(parseWith(visitorContactRequestSchema)) body: { email: string; pageUrl?: string | null },
  ): Promise<VisitorContactDto> {
    const pageUrl = body.pageUrl && isAllowedPage(body.pageUrl, p) ? body.pageUrl : null;
    return this.followUp.request(p, widgetCaller(req, p), body.email, pageUrl);
  }
}

/** Whether the team is in now, or when it next is; the widget words it in the visitor's language. */
function availabilityOf(hours: BusinessHours | null, now: Date): WidgetAvailabilityDto | null {
  if (!hours) return null;
  const openNow = isWithinBusinessHours(hours, now);
  const next = openNow ? null : nextOpening(hours, now);
  return { openNow, nextOpening: next ? next.toISOString() : null };
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
