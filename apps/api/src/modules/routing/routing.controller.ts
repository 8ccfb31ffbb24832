import { Body, Controller, Get, HttpCode, Ip, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  updateTeamRoutingRequestSchema,
  type HandBackResultDto,
  type RoutingOperatorLoadDto,
  type RoutingQueueEntryDto,
  type TeamRoutingDto,
} from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { HandBackService } from './hand-back.service';
import { RoutingService } from './routing.service';

/** Fair routing: team settings (admins change them), the queues, operators' load, hand-back. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing')
export class RoutingController {
  constructor(
    private readonly routing: RoutingService,
    private readonly handBack: HandBackService,
  ) {}

  @Get('teams')
  teams(@CurrentOperator() op: AuthenticatedOperator): Promise<TeamRoutingDto[]> {
    return this.routing.listTeams(op);
  }

  @Put('teams/:id')
  @ApiZodBody(updateTeamRoutingRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(updateTeamRoutingRequestSchema))
    body: z.output<typeof updateTeamRoutingRequestSchema>,
  ): Promise<TeamRoutingDto> {
    return this.routing.update(op, ip, id, body);
  }

  @Get('queue')
  queue(@CurrentOperator() op: AuthenticatedOperator): Promise<RoutingQueueEntryDto[]> {
    return this.routing.queueOf(op);
  }

  @Get('operators')
  operators(@CurrentOperator() op: AuthenticatedOperator): Promise<RoutingOperatorLoadDto[]> {
    return this.routing.operatorLoads(op);
  }

  /** The caller goes away and hands their unanswered conversations back to their teams' queues. */
  @Post('hand-back')
  @HttpCode(200)
  handBackMine(@CurrentOperator() op: AuthenticatedOperator): Promise<HandBackResultDto> {
    return this.handBack.handBackMine(op);
  }
}
