import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  listAuditLogQuerySchema,
  type AuditLogEntryDto,
  type ListAuditLogQuery,
  type Page,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodQuery } from '../../core/http/api-zod.decorators';
import { AppException } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { AuditLogService } from './audit-log.service';

@ApiTags('audit log')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  /** The account's audit log, newest first; admins only. */
  @Get()
  @ApiZodQuery(listAuditLogQuerySchema)
  list(
    @CurrentOperator() op: AuthenticatedOperator,
    @Query(parseWith(listAuditLogQuerySchema)) q: ListAuditLogQuery,
  ): Promise<Page<AuditLogEntryDto>> {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can read the audit log');
    return this.audit.list(op, q);
  }
}
