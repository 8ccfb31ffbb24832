import {
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Query,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  KB_LOCALES,
  WIDGET_ARTICLE_SEARCH_LIMIT,
  type KbLocale,
  type WidgetArticleDto,
  type WidgetArticleHitsDto,
} from '@switchboard/contracts';
import type { Request } from 'express';
import { Public } from '../../core/auth/auth.guard';
import { clientNetwork } from '../../core/auth/client-network';
import { PublishedArticlesService } from '../knowledge-base/published-articles.service';
import { CurrentVisitor, VisitorGuard } from '../webchat/controllers/visitor.guard';
import { WidgetExceptionFilter } from '../webchat/controllers/widget-exception.filter';
import type { VisitorPrincipal } from '../webchat/services/visitor-auth.service';
import { WidgetRateLimitedException } from '../webchat/services/widget-rate-limited.exception';
import { suggestArticles } from './article-suggestions';
import { ArticleViewsService } from './article-views.service';
import { HelpCentreLimits } from './help-centre-limits.service';

const MAX_QUERY = 200;

/**
 * The widget's articles: search (the search tab and suggestions while typing) and reading one
 * inside the widget. Scoped by the widget's inbox to its account; the visitor token is the credential.
 */
@ApiTags('widget')
@Public()
@UseFilters(WidgetExceptionFilter)
@UseGuards(VisitorGuard)
@Controller('widget/:inboxId/articles')
export class WidgetArticlesController {
  constructor(
    private readonly articles: PublishedArticlesService,
    private readonly views: ArticleViewsService,
    private readonly limits: HelpCentreLimits,
  ) {}

  /**
   * Published articles matching `q` in any language (the visitor's `locale` first); with
   * `suggest=1`, `q` is a message being typed and any of its words may match.
   */
  @Get()
  async search(
    @Param('inboxId', ParseUUIDPipe) _inboxId: string,
    @Query('q') q: unknown,
    @Query('locale') locale: unknown,
    @Query('limit') limit: unknown,
    @Query('suggest') suggest: unknown,
    @CurrentVisitor() p: VisitorPrincipal,
    @Req() req: Request,
  ): Promise<WidgetArticleHitsDto> {
    const wait = this.limits.search.take(clientNetwork(req.ip));
    if (wait) throw new WidgetRateLimitedException('Too many article searches.', wait);
    const query = typeof q === 'string' ? q.trim().slice(0, MAX_QUERY) : '';
    if (!query) return { items: [] };
    const max = Math.min(
      WIDGET_ARTICLE_SEARCH_LIMIT,
      Math.max(1, Number(limit) || WIDGET_ARTICLE_SEARCH_LIMIT),
    );
    const accountId = p.inbox.accountId;
    const hits =
      suggest === '1'
        ? await suggestArticles(query, max, (word) =>
            this.articles.search(accountId, word, { limit: max }),
          )
        : await this.articles.search(accountId, query, { limit: max });
    const first = (KB_LOCALES as readonly unknown[]).includes(locale) ? (locale as KbLocale) : null;
    return {
      items: first
        ? [...hits.filter((h) => h.locale === first), ...hits.filter((h) => h.locale !== first)]
        : hits,
    };
  }

  /** One published article; opening it records the view for the operator. */
  @Get(':versionId')
  open(
    @Param('inboxId', ParseUUIDPipe) inboxId: string,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @CurrentVisitor() p: VisitorPrincipal,
  ): Promise<WidgetArticleDto> {
    return this.views.open(
      { accountId: p.inbox.accountId, inboxId, visitorKey: p.visitorKey },
      versionId,
    );
  }
}
