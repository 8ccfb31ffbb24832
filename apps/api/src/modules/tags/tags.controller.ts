import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  mergeTagRequestSchema,
  updateTagRequestSchema,
  type MergeTagRequest,
  type TagDto,
  type UpdateTagRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { TagsService } from './tags.service';

/** The account's tag list: everyone reads it (type-ahead), admins change it. */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<TagDto[]> {
    return this.tags.list(op);
  }

  /** Rename and/or recolour. */
  @Patch(':id')
  @ApiZodBody(updateTagRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(updateTagRequestSchema)) body: UpdateTagRequest,
  ): Promise<TagDto> {
    return this.tags.update(op, id, body as { name?: string; color?: TagDto['color'] });
  }

  /** Folds this tag into `targetId`: its conversations get the target, then it is deleted. */
  @Post(':id/merge')
  @HttpCode(200)
  @ApiZodBody(mergeTagRequestSchema)
  merge(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(mergeTagRequestSchema)) body: MergeTagRequest,
  ): Promise<TagDto> {
    return this.tags.merge(op, id, body.targetId);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<void> {
    return this.tags.delete(op, id);
  }
}
