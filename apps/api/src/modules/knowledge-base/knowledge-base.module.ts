import { Module } from '@nestjs/common';
import { KbArticlesController } from './controllers/kb-articles.controller';
import { KbCategoriesController } from './controllers/kb-categories.controller';
import { PublishedArticlesService } from './published-articles.service';
import { KbArticlesRepository } from './repositories/kb-articles.repository';
import { KbMessageSourceRepository } from './repositories/kb-message-source.repository';
import { KbArticlesService } from './services/kb-articles.service';
import { KbCategoriesService } from './services/kb-categories.service';
import { KbFromMessageService } from './services/kb-from-message.service';
import { KbVersionsService } from './services/kb-versions.service';
import { KbCategoriesRepository } from './repositories/kb-categories.repository';
import { KbFeedbackRepository } from './repositories/kb-feedback.repository';
import { KbPublishedRepository } from './repositories/kb-published.repository';
import { KbSearchRepository } from './repositories/kb-search.repository';

/**
 * The knowledge base: categories, articles and their language versions for operators, and
 * PublishedArticlesService for the public side (help centre, widget).
 */
@Module({
  controllers: [KbArticlesController, KbCategoriesController],
  providers: [
    KbArticlesRepository,
    KbMessageSourceRepository,
    KbArticlesService,
    KbCategoriesService,
    KbFromMessageService,
    KbVersionsService,
    KbCategoriesRepository,
    KbFeedbackRepository,
    KbPublishedRepository,
    KbSearchRepository,
    PublishedArticlesService,
  ],
  exports: [PublishedArticlesService],
})
export class KnowledgeBaseModule {}
