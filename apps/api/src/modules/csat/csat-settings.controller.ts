import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { csatSettingsSchema, type CsatSettingsDto } from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { CsatSettingsService } from './csat-settings.service';

@ApiTags('csat')
@ApiBearerAuth()
@Controller('inboxes/:id/csat-settings')
export class CsatSettingsController {
  constructor(private readonly settings: CsatSettingsService) {}

  @Get()
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') inboxId: string,
  ): Promise<CsatSettingsDto> {
    return this.settings.get(op, inboxId);
  }

  /** Replaces the inbox's settings (admins; audited as `csat.settings_changed`). */
  @Put()
  @ApiZodBody(csatSettingsSchema)
  put(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') inboxId: string,
    @Body(parseWith(csatSettingsSchema)) body: z.output<typeof csatSettingsSchema>,
  ): Promise<CsatSettingsDto> {
    return this.settings.put(op, inboxId, body, ip);
  }
}
