import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  assignRequestSchema,
  bulkAssignRequestSchema,
  countConversationsQuerySchema,
  listConversationsQuerySchema,
  snoozeRequestSchema,
  type AssignRequest,
  type BulkAssignRequest,
  type BulkAssignResultDto,
  type ConversationCountsDto,
  type ConversationDetailDto,
  type ConversationSummaryDto,
  type CountConversationsQuery,
  type ListConversationsQuery,
  type Page,
  type SnoozeRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody, ApiZodQuery } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { ConversationStatusService } from './conversation-status.service';
import { ConversationsService } from './conversations.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly status: ConversationStatusService,
  ) {}

  @Get()
  @ApiZodQuery(listConversationsQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listConversationsQuerySchema)) q: ListConversationsQuery,
  ): Promise<Page<ConversationSummaryDto>> {
    return this.conversations.list(op, q);
  }

  @Get('counts')
  @ApiZodQuery(countConversationsQuerySchema)
  counts(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(countConversationsQuerySchema)) q: CountConversationsQuery,
  ): Promise<ConversationCountsDto> {
    return this.conversations.counts(op, q);
  }

  @Get(':id')
  detail(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationDetailDto> {
    return this.conversations.detail(op, id);
  }

  /** Close needs no form: no reason, no fields. */
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string) {
    return this.status.close(op, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string) {
    return this.status.reopen(op, id);
  }

  @Post(':id/snooze')
  @HttpCode(200)
  @ApiZodBody(snoozeRequestSchema)
  snooze(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(snoozeRequestSchema)) body: SnoozeRequest,
  ) {
    return this.status.snooze(op, id, new Date(body.until));
  }

  @Post(':id/unsnooze')
  @HttpCode(200)
  unsnooze(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string) {
    return this.status.unsnooze(op, id);
  }

  /** Assigns a selection of conversations: every one or, on the first refusal, none. */
  @Post('assign')
  @HttpCode(200)
  @ApiZodBody(bulkAssignRequestSchema)
  async assignMany(
    @CurrentOperator() op: AuthenticatedOperator,
    @Body(parseWith(bulkAssignRequestSchema)) body: BulkAssignRequest,
  ): Promise<BulkAssignResultDto> {
    return {
      conversations: await this.status.assignMany(
        op,
        body.conversationIds,
        body.assigneeId,
        body.teamId,
      ),
    };
  }

  @Post(':id/assign')
  @HttpCode(200)
  @ApiZodBody(assignRequestSchema)
  async assign(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(assignRequestSchema)) body: AssignRequest,
  ) {
    if (body.teamId === undefined) return this.status.assign(op, id, body.assigneeId);
    // Operator and team together: one transaction, as the list's bulk assignment does.
    const [summary] = await this.status.assignMany(op, [id], body.assigneeId, body.teamId);
    return summary;
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string) {
    return this.status.markRead(op, id);
  }
}
