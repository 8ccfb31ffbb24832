import { Injectable } from '@nestjs/common';
import type {
  KbArticleDto,
  KbArticleListItemDto,
  KbArticleListQuery,
  KbArticleRequest,
  KbSearchHitDto,
  KbSearchQuery,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { AppException } from '../../../core/http/app.exception';
import { toKbArticleDto, toKbListItemDto } from '../kb.mapper';
import { PublishedArticlesService } from '../published-articles.service';
import { KbArticlesRepository } from '../repositories/kb-articles.repository';
import { KbCategoriesRepository } from '../repositories/kb-categories.repository';
import { KbFeedbackRepository } from '../repositories/kb-feedback.repository';
import type { KbArticleEntity } from '../entities/kb-article.entity';
import { AuditLogService } from '../../audit/audit-log.service';
import { recordKbChange } from './kb-audit';
import { assertKbAdmin } from './kb-roles';

/** How many hits a list search gathers before the list's own filters apply. */
const LIST_SEARCH_LIMIT = 200;

/** Articles as operators list, open, create and delete them (language versions: KbVersionsService). */
@Injectable()
export class KbArticlesService {
  constructor(
    private readonly articles: KbArticlesRepository,
    private readonly categories: KbCategoriesRepository,
    private readonly feedback: KbFeedbackRepository,
    private readonly published: PublishedArticlesService,
    private readonly audit: AuditLogService,
  ) {}

  /** Drafts included; `q` searches every language (or `locale`), best match first. */
  async list(op: AuthenticatedOperator, q: KbArticleListQuery): Promise<KbArticleListItemDto[]> {
    let order: string[] | undefined;
    if (q.q?.trim()) {
      const hits = await this.published.search(op.accountId, q.q, {
        locale: q.locale,
        status: q.status ?? 'any',
        limit: LIST_SEARCH_LIMIT,
      });
      order = [...new Set(hits.map((h) => h.articleId))];
    }
    const rows = await this.articles.list(op.accountId, {
      status: q.status,
      locale: q.locale,
      categoryId: q.categoryId,
      ids: order,
    });
    if (order) {
      const rank = new Map(order.map((id, i) => [id, i]));
      rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    }
    const versions = await this.articles.versionsOf(rows.map((a) => a.id));
    return rows.map((a) =>
      toKbListItemDto(
        a,
        versions.filter((v) => v.articleId === a.id),
      ),
    );
  }

  /** Operators' search (the composer's picker asks `status=published`). */
  search(op: AuthenticatedOperator, q: KbSearchQuery): Promise<KbSearchHitDto[]> {
    return this.published.search(op.accountId, q.q, {
      locale: q.locale,
      status: q.status ?? 'any',
      limit: q.limit,
    });
  }

  async get(op: AuthenticatedOperator, id: string): Promise<KbArticleDto> {
    return this.dto(await this.require(op, id));
  }

  async create(op: AuthenticatedOperator, body: KbArticleRequest): Promise<KbArticleDto> {
    const categoryId = await this.checkedCategory(op, body.categoryId ?? null);
    const article = await this.articles.create(op.accountId, {
      categoryId,
      sourceMessageId: null,
      createdById: op.id,
    });
    return this.dto(article);
  }

  async update(
    op: AuthenticatedOperator,
    id: string,
    body: KbArticleRequest,
  ): Promise<KbArticleDto> {
    const article = await this.require(op, id);
    if (body.categoryId !== undefined) {
      article.categoryId = await this.checkedCategory(op, body.categoryId);
      await this.articles.setCategory(article, article.categoryId);
      await this.articles.touch(article.id);
    }
    return this.dto(await this.require(op, id));
  }

  /** Every language of it, with its votes. */
  async remove(op: AuthenticatedOperator, id: string): Promise<void> {
    assertKbAdmin(op);
    const versions = (await this.articles.find(op.accountId, id))
      ? await this.articles.versionsOf([id])
      : [];
    if (!(await this.articles.remove(op.accountId, id)))
      throw new AppException('NOT_FOUND', 'Article not found');
    await recordKbChange(
      this.audit,
      op,
      'kb.article_deleted',
      { id, title: versions[0]?.title ?? null },
      { locales: versions.map((v) => v.locale) },
    );
  }

  /** The article of the caller's account, or 404 (another account's looks like none). */
  async require(op: AuthenticatedOperator, id: string): Promise<KbArticleEntity> {
    const article = await this.articles.find(op.accountId, id);
    if (!article) throw new AppException('NOT_FOUND', 'Article not found');
    return article;
  }

  async dto(article: KbArticleEntity): Promise<KbArticleDto> {
    const versions = await this.articles.versionsOf([article.id]);
    const votes = await this.feedback.votes(versions.map((v) => v.id));
    return toKbArticleDto(article, versions, votes);
  }

  private async checkedCategory(
    op: AuthenticatedOperator,
    categoryId: string | null,
  ): Promise<string | null> {
    if (categoryId === null) return null;
    if (!(await this.categories.find(op.accountId, categoryId)))
      throw new AppException('VALIDATION_FAILED', 'No such category');
    return categoryId;
  }
}
