import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TeamMemberDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { toTeamMemberDto } from './operators.mapper';
import { OperatorsRepository } from './operators.repository';

@ApiTags('operators')
@ApiBearerAuth()
@Controller('operators')
export class OperatorsController {
  constructor(private readonly operators: OperatorsRepository) {}

  @Get()
  async list(@CurrentOperator() op: AuthenticatedOperator): Promise<TeamMemberDto[]> {
    return (await this.operators.listTeamByAccount(op.accountId)).map(toTeamMemberDto);
  }
}
