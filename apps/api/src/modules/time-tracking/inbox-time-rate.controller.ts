import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  inboxTimeRateRequestSchema,
  type InboxTimeRateDto,
  type InboxTimeRateRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { TimeRateService } from './time-rate.service';

/** The hourly rate of an inbox's work, for the time report's cost. */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes/:id/time-rate')
export class InboxTimeRateController {
  constructor(private readonly rates: TimeRateService) {}

  @Get()
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<InboxTimeRateDto> {
    return this.rates.get(op, id);
  }

  /** Admins: a rate with its currency, or both null for none. */
  @Put()
  @ApiZodBody(inboxTimeRateRequestSchema)
  set(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(inboxTimeRateRequestSchema)) body: InboxTimeRateRequest,
  ): Promise<InboxTimeRateDto> {
    return this.rates.set(op, ip, id, body);
  }
}
