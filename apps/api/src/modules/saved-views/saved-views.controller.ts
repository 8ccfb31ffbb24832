import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createSavedViewRequestSchema,
  updateSavedViewRequestSchema,
  type ParsedCreateSavedViewRequest,
  type ParsedUpdateSavedViewRequest,
  type SavedViewCountsDto,
  type SavedViewDto,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { SavedViewsService } from './saved-views.service';

@ApiTags('saved views')
@ApiBearerAuth()
@Controller('views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  /** The caller's own views and the account's shared ones, in sidebar order. */
  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<SavedViewDto[]> {
    return this.views.list(op);
  }

  /** Each pinned view's count of conversations, as the caller may see them. */
  @Get('counts')
  counts(@CurrentOperator() op: AuthenticatedOperator): Promise<SavedViewCountsDto> {
    return this.views.counts(op);
  }

  /** Saves a feed query under a name; `shared` shows it to the whole account. */
  @Post()
  @ApiZodBody(createSavedViewRequestSchema)
  create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(createSavedViewRequestSchema)) body: ParsedCreateSavedViewRequest,
  ): Promise<SavedViewDto> {
    return this.views.create(op, body);
  }

  /** Rename, new query, share or unshare, pin or unpin, move: the owner, or an admin if shared. */
  @Patch(':id')
  @ApiZodBody(updateSavedViewRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateSavedViewRequestSchema)) body: ParsedUpdateSavedViewRequest,
  ): Promise<SavedViewDto> {
    return this.views.update(op, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<void> {
    return this.views.remove(op, id);
  }
}
