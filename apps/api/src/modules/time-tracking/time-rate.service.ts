import { Injectable } from '@nestjs/common';
import type { InboxTimeRateDto, InboxTimeRateRequest } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { TimeEntriesRepository } from './time-entries.repository';

/** An inbox's hourly rate: read by every operator, set by admins (in the audit log). */
@Injectable()
export class TimeRateService {
  constructor(
    private readonly entries: TimeEntriesRepository,
    private readonly audit: AuditLogService,
  ) {}

  async get(op: AuthenticatedOperator, inboxId: string): Promise<InboxTimeRateDto> {
    const inbox = await this.entries.findInbox(op.accountId, inboxId);
    if (!inbox || inbox.removedAt) throw notFound('Inbox');
    return toDto(inbox.id, inbox.hourlyRate, inbox.hourlyRateCurrency);
  }

  async set(
    op: AuthenticatedOperator,
    ip: string | null,
    inboxId: string,
    req: InboxTimeRateRequest,
  ): Promise<InboxTimeRateDto> {
    if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can change inboxes');
    const inbox = await this.entries.findInbox(op.accountId, inboxId);
    if (!inbox || inbox.removedAt) throw notFound('Inbox');
    await this.entries.setRate(inbox.id, req.hourlyRate, req.currency);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'inbox.updated',
        targetType: 'inbox',
        targetId: inbox.id,
        targetLabel: inbox.name,
        details: { changed: ['hourlyRate'] },
      },
      { operator: op, ip },
    );
    return { inboxId: inbox.id, hourlyRate: req.hourlyRate, currency: req.currency };
  }
}

function toDto(inboxId: string, rate: string | null, currency: string | null): InboxTimeRateDto {
  return { inboxId, hourlyRate: rate === null ? null : Number(rate), currency };
}
