import { Inject, Injectable } from '@nestjs/common';
import type { ViewedArticleDto, WidgetArticleDto } from '@switchboard/contracts';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { notFound } from '../../core/http/app.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { kbArticleUrl, kbPublicBodyHtml } from '../knowledge-base/kb-public-url';
import { PublishedArticlesService } from '../knowledge-base/published-articles.service';
import { ArticleViewsRepository } from './article-views.repository';

const MAX_VIEWED_SHOWN = 10;

/** Opening an article in the widget, and what the operator learns from it. */
@Injectable()
export class ArticleViewsService {
  constructor(
    private readonly articles: PublishedArticlesService,
    private readonly views: ArticleViewsRepository,
    private readonly conversations: ConversationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The published article for the visitor, recorded as read by them; 404 for anything else. */
  async open(
    visitor: { accountId: string; inboxId: string; visitorKey: string },
    versionId: string,
  ): Promise<WidgetArticleDto> {
    const article = await this.articles.findPublishedById(visitor.accountId, versionId);
    if (!article) throw notFound('Article');
    await this.views.record({ ...visitor, versionId: article.versionId });
    return {
      versionId: article.versionId,
      locale: article.locale,
      title: article.title,
      bodyHtml: kbPublicBodyHtml(this.config.PUBLIC_URL, article.bodyHtml),
      updatedAt: article.updatedAt,
      url: kbArticleUrl(this.config.PUBLIC_URL, article.locale, article.slug),
    };
  }

  /** Articles the customer read in the widget before this conversation started (published ones). */
  async viewedBefore(
    op: AuthenticatedOperator,
    conversationId: string,
  ): Promise<ViewedArticleDto[]> {
    if (!(await this.conversations.isVisibleTo(op, conversationId))) throw notFound('Conversation');
    const viewed = await this.views.viewedBefore(conversationId, MAX_VIEWED_SHOWN);
    const found = await Promise.all(
      viewed.map(async (v) => ({
        v,
        a: await this.articles.findPublishedById(op.accountId, v.versionId),
      })),
    );
    return found.flatMap(({ v, a }) =>
      a
        ? [
            {
              versionId: a.versionId,
              locale: a.locale,
              title: a.title,
              url: kbArticleUrl(this.config.PUBLIC_URL, a.locale, a.slug),
              viewedAt: v.viewedAt.toISOString(),
            },
          ]
        : [],
    );
  }
}
