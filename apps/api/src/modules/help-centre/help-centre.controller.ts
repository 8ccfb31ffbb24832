import { createHash } from 'node:crypto';
import { Body, Controller, Get, Header, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { KB_LOCALES, type KbLocale } from '@switchboard/contracts';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { clientNetwork } from '../../core/auth/client-network';
import { PublishedArticlesService } from '../knowledge-base/published-articles.service';
import { HelpCentreLimits } from './help-centre-limits.service';
import { HelpCentrePagesService, type HelpPage } from './help-centre-pages.service';
import { articleHref } from './pages/help-pages';
import { readerCookie, readerKey } from './reader-key';

/** Pages change when an operator publishes; a minute of staleness buys cheap revalidation. */
const PAGE_CACHE = 'public, max-age=60';

function localeOf(value: string): KbLocale | null {
  return (KB_LOCALES as readonly string[]).includes(value) ? (value as KbLocale) : null;
}

/** The reader's preferred language among ours, from Accept-Language; English otherwise. */
function preferredLocale(req: Request): KbLocale {
  const found = req.acceptsLanguages([...KB_LOCALES]);
  return typeof found === 'string' ? (localeOf(found) ?? 'en') : 'en';
}

/**
 * The public help centre, `/help/<locale>/...`, server-rendered HTML that needs no script:
 * front page, categories, articles, search (GET form) and "Was this helpful?" (POST form).
 */
@ApiExcludeController()
@Public()
@Controller('help')
export class HelpCentreController {
  constructor(
    private readonly pages: HelpCentrePagesService,
    private readonly articles: PublishedArticlesService,
    private readonly limits: HelpCentreLimits,
  ) {}

  @Get()
  root(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Vary', 'Accept-Language');
    res.redirect(302, `/help/${preferredLocale(req)}`);
  }

  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  sitemap(): Promise<string> {
    return this.pages.sitemap();
  }

  @Get(':locale')
  async home(@Param('locale') raw: string, @Req() req: Request, @Res() res: Response) {
    const locale = localeOf(raw);
    send(req, res, locale ? await this.pages.home(locale) : await this.pages.notFound('en'));
  }

  @Get(':locale/search')
  async search(
    @Param('locale') raw: string,
    @Query('q') q: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const locale = localeOf(raw);
    if (!locale) return send(req, res, await this.pages.notFound('en'));
    const wait = this.limits.search.take(clientNetwork(req.ip));
    if (wait) return tooMany(req, res, await this.pages.tooMany(locale), wait);
    send(req, res, await this.pages.search(locale, typeof q === 'string' ? q : ''));
  }

  @Get(':locale/c/:slug')
  async category(
    @Param('locale') raw: string,
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const locale = localeOf(raw);
    send(
      req,
      res,
      locale ? await this.pages.category(locale, slug) : await this.pages.notFound('en'),
    );
  }

  @Get(':locale/:slug')
  async article(
    @Param('locale') raw: string,
    @Param('slug') slug: string,
    @Query('thanks') thanks: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const locale = localeOf(raw);
    if (!locale) return send(req, res, await this.pages.notFound('en'));
    send(req, res, await this.pages.article(locale, slug, thanks === '1'));
  }

  /** One vote per reader (cookie) and article version; voting again replaces the vote. */
  @Post(':locale/:slug/feedback')
  async feedback(
    @Param('locale') raw: string,
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const locale = localeOf(raw);
    if (!locale) return send(req, res, await this.pages.notFound('en'));
    const wait = this.limits.feedback.take(clientNetwork(req.ip));
    if (wait) return tooMany(req, res, await this.pages.tooMany(locale), wait);
    const accountId = await this.pages.accountId();
    const article = accountId ? await this.articles.findPublished(accountId, locale, slug) : null;
    const vote = (body as { helpful?: unknown } | null)?.helpful;
    if (!accountId || !article || (vote !== 'yes' && vote !== 'no'))
      return send(req, res, await this.pages.notFound(locale));
    const key = readerKey(readerCookie(req, res));
    await this.articles.recordFeedback(accountId, article.versionId, key, vote === 'yes');
    // Post/redirect/get: a reload does not post again.
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `${articleHref(locale, article.slug)}?thanks=1#feedback`);
  }
}

function pageHeaders(res: Response, page: HelpPage): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', page.csp);
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** Sends a page with a short cache life and an ETag, answering 304 when the reader has it. */
function send(req: Request, res: Response, page: HelpPage): void {
  pageHeaders(res, page);
  if (page.status !== 200) {
    res.setHeader('Cache-Control', 'no-store');
    res.status(page.status).send(page.html);
    return;
  }
  const etag = `W/"${createHash('sha1').update(page.html).digest('base64url')}"`;
  res.setHeader('Cache-Control', PAGE_CACHE);
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.status(200).send(page.html);
}

function tooMany(req: Request, res: Response, page: HelpPage, waitSeconds: number): void {
  res.setHeader('Retry-After', String(waitSeconds));
  send(req, res, page);
}
