import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  addTagRequestSchema,
  type AddTagRequest,
  type ConversationSummaryDto,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { TagsService } from './tags.service';

/** Tags on one conversation; both answer the conversation's summary with its tags. */
@ApiTags('tags')
@ApiBearerAuth()
@Controller('conversations/:id/tags')
export class ConversationTagsController {
  constructor(private readonly tags: TagsService) {}

  /** By name: a tag the account does not have yet is created. */
  @Post()
  @HttpCode(200)
  @ApiZodBody(addTagRequestSchema)
  add(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(addTagRequestSchema)) body: AddTagRequest,
  ): Promise<ConversationSummaryDto> {
    return this.tags.addToConversation(op, id, body.name);
  }

  @Delete(':tagId')
  @HttpCode(200)
  remove(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Param('tagId') tagId: string,
  ): Promise<ConversationSummaryDto> {
    return this.tags.removeFromConversation(op, id, tagId);
  }
}
