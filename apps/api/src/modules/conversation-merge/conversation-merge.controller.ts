import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  mergeConversationRequestSchema,
  splitConversationRequestSchema,
  type ConversationLinksDto,
  type ConversationMoveResultDto,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { ConversationMergeService } from './conversation-merge.service';
import { ConversationSplitService } from './conversation-split.service';
import { ReplyChannelsService } from './reply-channels.service';

/** Merge a duplicate into a conversation, split messages out of one, and where a reply can go. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations/:id')
export class ConversationMergeController {
  constructor(
    private readonly merges: ConversationMergeService,
    private readonly splits: ConversationSplitService,
    private readonly replyChannels: ReplyChannelsService,
  ) {}

  /** `sourceId` is merged into this conversation (the survivor). */
  @Post('merge')
  @HttpCode(200)
  @ApiZodBody(mergeConversationRequestSchema)
  merge(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(mergeConversationRequestSchema))
    body: z.output<typeof mergeConversationRequestSchema>,
  ): Promise<ConversationMoveResultDto> {
    return this.merges.merge(op, id, body);
  }

  /** The message (and, with `withFollowing`, every later one) moves out into a new conversation. */
  @Post('split')
  @HttpCode(200)
  @ApiZodBody(splitConversationRequestSchema)
  split(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(splitConversationRequestSchema))
    body: z.output<typeof splitConversationRequestSchema>,
  ): Promise<ConversationMoveResultDto> {
    return this.splits.split(op, id, body);
  }

  /** Where a merged conversation went, and the channels a reply can take ("Reply via"). */
  @Get('links')
  links(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationLinksDto> {
    return this.replyChannels.links(op, id);
  }
}
