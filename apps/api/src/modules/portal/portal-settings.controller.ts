import { Body, Controller, Get, Ip, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  updatePortalSettingsRequestSchema,
  type PortalSettingsDto,
  type UpdatePortalSettingsRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { PortalSettingsService } from './portal-settings.service';

/** `/api/portal-settings`: where the customer portal files New requests (docs/portal.md). */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('portal-settings')
export class PortalSettingsController {
  constructor(private readonly settings: PortalSettingsService) {}

  @Get()
  get(@CurrentOperator() op: AuthenticatedOperator): Promise<PortalSettingsDto> {
    return this.settings.get(op.accountId);
  }

  @Put()
  @ApiZodBody(updatePortalSettingsRequestSchema)
  update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(updatePortalSettingsRequestSchema)) body: UpdatePortalSettingsRequest,
  ): Promise<PortalSettingsDto> {
    return this.settings.update(op, ip, body);
  }
}
