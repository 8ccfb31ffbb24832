import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  timeAdjustmentRequestSchema,
  timeHeartbeatRequestSchema,
  type ConversationTimeDto,
  type TimeAdjustmentRequest,
  type TimeHeartbeatDto,
  type TimeHeartbeatRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { TimeQueriesService } from './time-queries.service';
import { TimeTrackingService } from './time-tracking.service';

/** A conversation's time: anyone who may see the conversation (404 otherwise). */
@ApiTags('time-tracking')
@ApiBearerAuth()
@Controller('conversations/:id/time')
export class ConversationTimeController {
  constructor(
    private readonly tracking: TimeTrackingService,
    private readonly queries: TimeQueriesService,
  ) {}

  @Get()
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<ConversationTimeDto> {
    return this.queries.get(op, id);
  }

  /** Active seconds since the previous heartbeat, credited within what wall time allows. */
  @Post('heartbeat')
  @HttpCode(200)
  @ApiZodBody(timeHeartbeatRequestSchema)
  heartbeat(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(timeHeartbeatRequestSchema)) body: TimeHeartbeatRequest,
  ): Promise<TimeHeartbeatDto> {
    return this.tracking.heartbeat(op, id, body.seconds);
  }

  @Post('adjustments')
  @ApiZodBody(timeAdjustmentRequestSchema)
  adjust(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
    @Body(parseWith(timeAdjustmentRequestSchema)) body: TimeAdjustmentRequest,
  ): Promise<ConversationTimeDto> {
    return this.tracking.adjust(op, id, body);
  }
}
