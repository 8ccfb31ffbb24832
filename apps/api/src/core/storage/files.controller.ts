import { Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { AttachmentDto } from '@switchboard/contracts';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { AppException, notFound } from '../http/app.exception';
import type { AuthenticatedOperator } from '../auth/authenticated-operator';
import { CurrentOperator } from '../auth/current-operator.decorator';
import { isActiveContent } from './content-type-sniffer';
import { FilesService } from './files.service';

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
  constructor(private readonly files: FilesService) {}

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

  /** Served as a download: never rendered as a page, never sniffed into something executable. */
  @Public()
  @Get(':id/:filename')
  async download(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const file = await this.files.find(id);
    if (!file) throw notFound('File');
    const type = isActiveContent(file.contentType) ? 'application/octet-stream' : file.contentType;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', file.size);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    const inline = /^image\/(png|jpeg|gif|webp)$/.test(type) || type === 'application/pdf';
    res.setHeader(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    const stream = await this.files.read(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
