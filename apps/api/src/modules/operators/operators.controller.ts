import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OperatorDto } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { toOperatorDto } from './operators.mapper';
import { OperatorsRepository } from './operators.repository';

@ApiTags('operators')
@ApiBearerAuth()
@Controller('operators')
export class OperatorsController {
  constructor(private readonly operators: OperatorsRepository) {}

  @Get()
  async list(@CurrentOperator() op: AuthenticatedOperator): Promise<OperatorDto[]> {
    return (await this.operators.listPublicByAccount(op.accountId)).map(toOperatorDto);
  }
}
