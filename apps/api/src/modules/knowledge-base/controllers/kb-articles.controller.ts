import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  KB_LOCALES,
  kbArticleFromMessageRequestSchema,
  kbArticleListQuerySchema,
  kbArticleRequestSchema,
  kbArticleVersionRequestSchema,
  kbSearchQuerySchema,
  type KbArticleDto,
  type KbArticleFromMessageRequest,
  type KbArticleListItemDto,
  type KbArticleListQuery,
  type KbArticleRequest,
  type KbArticleVersionRequest,
  type KbLocale,
  type KbSearchHitDto,
  type KbSearchQuery,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../../core/http/api-zod.decorators';
import { AppException } from '../../../core/http/app.exception';
import { parseWith } from '../../../core/http/zod-validation.pipe';
import { KbArticlesService } from '../services/kb-articles.service';
import { KbFromMessageService } from '../services/kb-from-message.service';
import { KbVersionsService } from '../services/kb-versions.service';

function localeParam(value: string): KbLocale {
  const locale = KB_LOCALES.find((l) => l === value);
  if (!locale)
    throw new AppException('VALIDATION_FAILED', `Language must be one of ${KB_LOCALES.join(', ')}`);
  return locale;
}

/** Articles for operators: drafts and published, every language. */
@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('kb')
export class KbArticlesController {
  constructor(
    private readonly articles: KbArticlesService,
    private readonly versions: KbVersionsService,
    private readonly fromMessage: KbFromMessageService,
  ) {}

  @Get('articles')
  @ApiZodQuery(kbArticleListQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(kbArticleListQuerySchema)) q: KbArticleListQuery,
  ): Promise<KbArticleListItemDto[]> {
    return this.articles.list(op, q);
  }

  /** Hits with a snippet and the public URL (drafts too unless `status=published`). */
  @Get('search')
  @ApiZodQuery(kbSearchQuerySchema)
  search(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(kbSearchQuerySchema)) q: KbSearchQuery,
  ): Promise<KbSearchHitDto[]> {
    return this.articles.search(op, q);
  }

  @Post('articles')
  @ApiZodBody(kbArticleRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(kbArticleRequestSchema)) body: KbArticleRequest,
  ): Promise<KbArticleDto> {
    return this.articles.create(op, body);
  }

  /** "Turn into article": a draft from a conversation's message. */
  @Post('articles/from-message')
  @ApiZodBody(kbArticleFromMessageRequestSchema)
  createFromMessage(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(kbArticleFromMessageRequestSchema)) body: KbArticleFromMessageRequest,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<KbArticleDto> {
    return this.fromMessage.create(op, body, acceptLanguage ?? null);
  }

  @Get('articles/:id')
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<KbArticleDto> {
    return this.articles.get(op, id);
  }

  @Patch('articles/:id')
  @ApiZodBody(kbArticleRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(kbArticleRequestSchema)) body: KbArticleRequest,
  ): Promise<KbArticleDto> {
    return this.articles.update(op, id, body);
  }

  @Delete('articles/:id')
  @HttpCode(204)
  remove(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<void> {
    return this.articles.remove(op, id);
  }

  @Put('articles/:id/versions/:locale')
  @ApiZodBody(kbArticleVersionRequestSchema)
  putVersion(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('locale') locale: string,
    @Body(parseWith(kbArticleVersionRequestSchema)) body: KbArticleVersionRequest,
  ): Promise<KbArticleDto> {
    return this.versions.put(op, id, localeParam(locale), body);
  }

  @Delete('articles/:id/versions/:locale')
  removeVersion(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('locale') locale: string,
  ): Promise<KbArticleDto> {
    return this.versions.remove(op, id, localeParam(locale));
  }

  @Post('articles/:id/versions/:locale/publish')
  @HttpCode(200)
  publish(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('locale') locale: string,
  ): Promise<KbArticleDto> {
    return this.versions.setStatus(op, id, localeParam(locale), true);
  }

  @Post('articles/:id/versions/:locale/unpublish')
  @HttpCode(200)
  unpublish(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('locale') locale: string,
  ): Promise<KbArticleDto> {
    return this.versions.setStatus(op, id, localeParam(locale), false);
  }
}
