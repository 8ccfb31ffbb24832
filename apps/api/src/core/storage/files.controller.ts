import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { notFound } from '../http/app.exception';
import { isActiveContent } from './content-type-sniffer';
import { FilesService } from './files.service';

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** Served as a download: never rendered as a page, never sniffed into something executable. */
  @Public()
  @Get(':id/:filename')
  async download(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const file = await this.files.find(id);
    if (!file) throw notFound('File');
    const type = isActiveContent(file.content_type)
      ? 'application/octet-stream'
      : file.content_type;
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
