import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { FilesService } from '../../core/storage/files.service';
import { PublishedArticlesService } from '../knowledge-base/published-articles.service';
import { HelpCentrePagesService } from './help-centre-pages.service';

/** Shown inline, by the type sniffed from the bytes at upload: raster images, which run nothing. */
const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** As the help centre's pages: unpublishing takes an image away within a minute. */
const IMAGE_CACHE = 'public, max-age=60';

/**
 * `/help/files/<id>/<name>`: an image a published article of the help centre's account shows,
 * for readers without a session (the help centre, the widget on customers' sites). Anything
 * else — a draft's image, another account's file, a file no article shows, a file that is not a
 * raster image — is the same 404.
 */
@ApiExcludeController()
@Public()
@Controller('help/files')
export class HelpFilesController {
  constructor(
    private readonly pages: HelpCentrePagesService,
    private readonly articles: PublishedArticlesService,
    private readonly files: FilesService,
  ) {}

  @Get(':fileId/:filename')
  async image(
    @Param('fileId') fileId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const accountId = await this.pages.accountId();
    const file = accountId ? await this.files.find(fileId) : null;
    const shown =
      accountId !== null &&
      file !== null &&
      file.accountId === accountId &&
      INLINE_IMAGE_TYPES.has(file.contentType) &&
      (await this.articles.isPublishedFile(accountId, file.id));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    if (!shown || !file) {
      res.setHeader('Cache-Control', 'no-store');
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const etag = `"${file.sha256}"`;
    res.setHeader('Cache-Control', IMAGE_CACHE);
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', file.size);
    res.setHeader(
      'Content-Disposition',
      `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    const stream = await this.files.read(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
