import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ViewedArticlesDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ArticleViewsService } from './article-views.service';

/** "Viewed before writing": articles the customer read in the widget before the conversation. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller('conversations/:id/viewed-articles')
export class ViewedArticlesController {
  constructor(private readonly views: ArticleViewsService) {}

  @Get()
  async list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ViewedArticlesDto> {
    return { items: await this.views.viewedBefore(op, id) };
  }
}
