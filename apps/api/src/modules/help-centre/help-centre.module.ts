import { Module } from '@nestjs/common';
import { KnowledgeBaseModule } from '../knowledge-base/knowledge-base.module';
import { WebchatModule } from '../webchat/webchat.module';
import { ArticleViewsRepository } from './article-views.repository';
import { ArticleViewsService } from './article-views.service';
import { HelpCentreBrandingController } from './help-centre-branding.controller';
import { HelpCentreAccountRepository } from './help-centre-account.repository';
import { HelpCentreController } from './help-centre.controller';
import { HelpFilesController } from './help-files.controller';
import { HelpCentreLimits } from './help-centre-limits.service';
import { HelpCentrePagesService } from './help-centre-pages.service';
import { ViewedArticlesController } from './viewed-articles.controller';
import { WidgetArticlesController } from './widget-articles.controller';

/**
 * The public help centre (`/help`, server-rendered), the widget's article search and reader, and
 * the operator's "viewed before writing". Reads the knowledge base only through
 * PublishedArticlesService.
 */
@Module({
  imports: [KnowledgeBaseModule, WebchatModule],
  controllers: [
    // Before HelpCentreController, whose `:locale/c/:slug` has the same shape.
    HelpFilesController,
    HelpCentreController,
    HelpCentreBrandingController,
    WidgetArticlesController,
    ViewedArticlesController,
  ],
  providers: [
    HelpCentreAccountRepository,
    HelpCentrePagesService,
    HelpCentreLimits,
    ArticleViewsRepository,
    ArticleViewsService,
  ],
})
export class HelpCentreModule {}
