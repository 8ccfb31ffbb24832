import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OperatorDto } from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { queryRows } from '../../core/database/sql-rows';

@ApiTags('operators')
@ApiBearerAuth()
@Controller('operators')
export class OperatorsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<OperatorDto[]> {
    return queryRows<OperatorDto>(
      this.ds.manager,
      'SELECT id, email, name, role, timezone, locale FROM operators WHERE account_id = $1 ORDER BY name',
      [op.accountId],
    );
  }
}
