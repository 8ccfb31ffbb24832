import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { setBusinessHoursRequestSchema, type InboxBusinessHoursDto } from '@switchboard/contracts';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { AppException } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { AuditLogService } from '../audit/audit-log.service';
import { BusinessHoursService } from './business-hours.service';

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes')
export class BusinessHoursController {
  constructor(
    private readonly hours: BusinessHoursService,
    private readonly audit: AuditLogService,
  ) {}

  /** The schedule, and whether the inbox is open now (or when it opens). */
  @Get(':id/business-hours')
  get(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<InboxBusinessHoursDto> {
    return this.hours.get(op.accountId, id);
  }

  /** Admins: a new schedule, or null for "always open". */
  @Put(':id/business-hours')
  @ApiZodBody(setBusinessHoursRequestSchema)
  async set(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(setBusinessHoursRequestSchema))
    body: z.output<typeof setBusinessHoursRequestSchema>,
  ): Promise<InboxBusinessHoursDto> {
    if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can change inboxes');
    const { dto, name } = await this.hours.set(op.accountId, id, body.businessHours);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'inbox.updated',
        targetType: 'inbox',
        targetId: id,
        targetLabel: name,
        details: { changed: ['businessHours'] },
      },
      { operator: op, ip },
    );
    return dto;
  }
}
