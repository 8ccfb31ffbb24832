import { Injectable } from '@nestjs/common';
import type { KbArticleDto, KbArticleVersionRequest, KbLocale } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException } from '../../../core/http/app.exception';
import type { KbArticleEntity } from '../entities/kb-article.entity';
import { firstFreeSlug, slugFromTitle } from '../kb-slug';
import { isUniqueViolation } from '../repositories/kb-categories.repository';
import { KbArticlesRepository } from '../repositories/kb-articles.repository';
import { kbPlainText, sanitizeKbHtml } from '../sanitizing/kb-html-sanitizer';
import { KbArticlesService } from './kb-articles.service';
import { AuditLogService } from '../../audit/audit-log.service';
import { recordKbChange } from './kb-audit';
import { assertKbAdmin } from './kb-roles';

/** Attempts at a free slug when colleagues save articles with the same title at once. */
const SLUG_ATTEMPTS = 3;

/** One language of an article: written, sanitised, given a slug, published and unpublished. */
@Injectable()
export class KbVersionsService {
  constructor(
    private readonly articles: KbArticlesRepository,
    private readonly articleService: KbArticlesService,
    private readonly audit: AuditLogService,
  ) {}

  /**
   * Writes the version in `locale` (creating it). The body is sanitised here, whatever the editor
   * sent. Without a slug, one is made from the title (`-2`, `-3`… when taken); a slug given
   * explicitly and taken is a conflict. Agents write drafts only: publishing, and changing what
   * is already published, is for admins.
   */
  async put(
    op: AuthenticatedOperator,
    articleId: string,
    locale: KbLocale,
    body: KbArticleVersionRequest,
  ): Promise<KbArticleDto> {
    const article = await this.articleService.require(op, articleId);
    const existing = await this.articles.findVersion(article.id, locale);
    const status = body.status ?? existing?.status ?? 'draft';
    if (op.role !== 'admin' && (status === 'published' || existing?.status === 'published'))
      throw new AppException('FORBIDDEN', 'Only admins can change a published article');
    const bodyHtml = sanitizeKbHtml(body.bodyHtml);
    const fields = {
      title: body.title,
      bodyHtml,
      bodyText: kbPlainText(bodyHtml),
      status,
      publishedAt:
        status === 'published'
          ? existing?.status === 'published'
            ? existing.publishedAt
            : new Date()
          : null,
      updatedById: op.id,
    };
    const slugOf = async () =>
      body.slug ??
      // A published article keeps its address when its title changes: links to it stay good.
      (existing && (existing.title === body.title || existing.status === 'published')
        ? existing.slug
        : await this.freeSlug(article, locale, slugFromTitle(body.title)));
    for (let attempt = 1; ; attempt++) {
      const slug = await slugOf();
      try {
        await this.articles.saveVersion(article, locale, { ...fields, slug });
        break;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        if (body.slug) throw new AppException('CONFLICT', 'Another article already has this slug');
        if (attempt >= SLUG_ATTEMPTS) throw e;
      }
    }
    await this.articles.touch(article.id);
    const was = existing?.status ?? 'draft';
    if (was !== status)
      await recordKbChange(
        this.audit,
        op,
        status === 'published' ? 'kb.article_published' : 'kb.article_unpublished',
        { id: article.id, title: body.title },
        { locale },
      );
    return this.articleService.dto(article);
  }

  async setStatus(
    op: AuthenticatedOperator,
    articleId: string,
    locale: KbLocale,
    publish: boolean,
  ): Promise<KbArticleDto> {
    assertKbAdmin(op);
    const article = await this.articleService.require(op, articleId);
    const version = await this.articles.findVersion(article.id, locale);
    if (!version)
      throw new AppException('NOT_FOUND', 'This article has no version in that language');
    const status = publish ? 'published' : 'draft';
    if (version.status !== status) {
      await this.articles.saveVersion(article, locale, {
        ...version,
        status,
        publishedAt: publish ? new Date() : null,
        updatedById: op.id,
      });
      await this.articles.touch(article.id);
      await recordKbChange(
        this.audit,
        op,
        publish ? 'kb.article_published' : 'kb.article_unpublished',
        { id: article.id, title: version.title },
        { locale },
      );
    }
    return this.articleService.dto(article);
  }

  async remove(
    op: AuthenticatedOperator,
    articleId: string,
    locale: KbLocale,
  ): Promise<KbArticleDto> {
    assertKbAdmin(op);
    const article = await this.articleService.require(op, articleId);
    if (!(await this.articles.removeVersion(article.id, locale)))
      throw new AppException('NOT_FOUND', 'This article has no version in that language');
    await this.articles.touch(article.id);
    return this.articleService.dto(article);
  }

  /** The slug made from a title, or the same with the first free `-n` in this account and language. */
  freeSlug(article: KbArticleEntity, locale: KbLocale, base: string): Promise<string> {
    return this.articles
      .slugsLike(article.accountId, locale, base, article.id)
      .then((taken) => firstFreeSlug(base, taken));
  }
}
