import { Body, Controller, Get, Ip, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  updateAccountRequestSchema,
  type AccountDto,
  type UpdateAccountRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { AccountSettingsService } from './account-settings.service';

@ApiTags('account')
@ApiBearerAuth()
@Controller('account')
export class AccountSettingsController {
  constructor(private readonly settings: AccountSettingsService) {}

  @Get()
  get(@CurrentOperator() op: AuthenticatedOperator): Promise<AccountDto> {
    return this.settings.get(op);
  }

  @Patch()
  @ApiZodBody(updateAccountRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(updateAccountRequestSchema)) body: UpdateAccountRequest,
  ): Promise<AccountDto> {
    return this.settings.update(op, ip, body);
  }
}
