import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { AttachmentDto, FileLinkDto } from '@switchboard/contracts';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppException, notFound } from '../http/app.exception';
import type { AuthenticatedOperator } from '../auth/authenticated-operator';
import { CurrentOperator } from '../auth/current-operator.decorator';
import { isActiveContent } from './content-type-sniffer';
import { FileLinkSigner } from './file-link-signer';
import { InboxAccessRepository } from '../../modules/access/inbox-access.repository';
import { FilesService, type StoredFile } from './files.service';
import { ApiFileResponse } from '../http/openapi/api-raw-responses';

/** Multer's in-memory upload, as far as we read it. */
interface UploadedBlob {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Hard ceiling for one upload; MAX_UPLOAD_BYTES and each channel's limit apply below it. */
const UPLOAD_CEILING_BYTES = 50 * 1024 * 1024;

@ApiTags('files')
@Controller('files')
export class FilesController {
  private readonly links: FileLinkSigner;

  constructor(
    private readonly files: FilesService,
    private readonly auth: AuthService,
    private readonly access: InboxAccessRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.links = new FileLinkSigner(config.APP_SECRET);
  }

  /** An operator's attachment, to be referenced by `attachmentIds` when sending. */
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Post()
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: UPLOAD_CEILING_BYTES, files: 1 } }),
  )
  async upload(
    @CurrentOperator() op: AuthenticatedOperator,
    @UploadedFile() file: UploadedBlob | undefined,
  ): Promise<AttachmentDto> {
    if (!file)
      throw new AppException('VALIDATION_FAILED', 'A file is required (multipart field "file")');
    if (file.size === 0) throw new AppException('VALIDATION_FAILED', 'The file is empty');
    return this.files.store(op.accountId, {
      filename: file.originalname || 'attachment',
      contentType: file.mimetype || 'application/octet-stream',
      content: file.buffer,
    });
  }

  /**
   * A link to the file that works without a session for FILE_LINK_TTL_SECONDS: to open it in
   * another tool or hand it to a system that cannot sign in.
   */
  @ApiBearerAuth()
  @Post(':id/link')
  @HttpCode(200)
  async link(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<FileLinkDto> {
    const file = await this.fileFor(id, op);
    const { path, expiresAt } = this.files.signedPath(file, this.config.FILE_LINK_TTL_SECONDS);
    return { url: path, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Always served as a download: never rendered as a page, never sniffed into something
   * executable. Images still show in an `<img>` (the inbox's thumbnails, its preview and inline
   * email images), which never runs what a file carries; PDFs are not previewed at all.
   * Only to an operator session of the file's account (cookie, so `<img>` works, or bearer) or
   * through a signed link: another account's file is "not found", no session 401, a bad link 403.
   */
  @Public()
  @ApiBearerAuth()
  @ApiQuery({ name: 'expires', required: false, description: 'signed link: expiry, unix seconds' })
  @ApiQuery({ name: 'signature', required: false, description: 'signed link: its signature' })
  @Get(':id/:filename')
  @ApiFileResponse()
  async download(
    @Param('id') id: string,
    @Query('expires') expires: unknown,
    @Query('signature') signature: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    let file: StoredFile;
    let maxAgeSeconds = 3_600;
    if (expires !== undefined || signature !== undefined) {
      const verdict = this.links.verify(id, expires, signature);
      if (verdict !== 'valid')
        throw new AppException(
          'FORBIDDEN',
          verdict === 'expired'
            ? 'This download link has expired; ask for a new one'
            : 'This download link is not valid',
        );
      const found = await this.files.find(id);
      if (!found) throw notFound('File');
      file = found;
      maxAgeSeconds = Math.max(0, Math.min(maxAgeSeconds, Number(expires) - Date.now() / 1000));
    } else {
      const op = await this.auth.authenticateRequest(req);
      if (!op)
        throw new AppException(
          'UNAUTHENTICATED',
          'Sign in to download this file, or use a signed download link',
        );
      file = await this.fileFor(id, op);
    }
    const type = isActiveContent(file.contentType) ? 'application/octet-stream' : file.contentType;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', file.size);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    // Private: only this browser, and not for ever (the session that fetched it may end).
    res.setHeader('Cache-Control', `private, max-age=${Math.floor(maxAgeSeconds)}`);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    const stream = await this.files.read(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /** Another account's file does not exist, as far as this operator can tell. */
  /** The file, if it is of the operator's account and on a conversation they may see. */
  private async fileFor(id: string, op: AuthenticatedOperator): Promise<StoredFile> {
    const file = await this.files.find(id);
    if (!file || file.accountId !== op.accountId) throw notFound('File');
    if (!(await this.access.maySeeFile(op, file.id))) throw notFound('File');
    return file;
  }
}
