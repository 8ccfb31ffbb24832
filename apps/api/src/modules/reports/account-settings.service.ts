import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isValidTimeZone,
  type AccountDto,
  type UpdateAccountRequest,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { AccountSettingsRepository } from './account-settings.repository';

/** The account's timezone: every operator reads it; admins change it (audited). */
@Injectable()
export class AccountSettingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accounts: AccountSettingsRepository,
    private readonly audit: AuditLogService,
  ) {}

  async get(op: AuthenticatedOperator): Promise<AccountDto> {
    const a = await this.accounts.find(this.ds.manager, op.accountId);
    if (!a) throw notFound('Account');
    return { id: a.id, name: a.name, timezone: a.timezone };
  }

  async update(
    op: AuthenticatedOperator,
    ip: string | null,
    body: UpdateAccountRequest,
  ): Promise<AccountDto> {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can change the account settings');
    // Intl also accepts offsets such as "+01:00"; an account's zone must be a named IANA zone.
    if (!isValidTimeZone(body.timezone) || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(body.timezone))
      throw new AppException('INVALID_TIMEZONE', `Unknown timezone "${body.timezone}"`);
    return this.ds.transaction(async (em) => {
      const before = await this.accounts.find(em, op.accountId);
      if (!before) throw notFound('Account');
      await this.accounts.setTimezone(em, op.accountId, body.timezone);
      await this.audit.record(
        {
          accountId: op.accountId,
          action: 'account.updated',
          targetType: 'account',
          targetId: op.accountId,
          targetLabel: before.name,
          details: { timezone: { from: before.timezone, to: body.timezone } },
        },
        { operator: op, ip },
        em,
      );
      return { id: before.id, name: before.name, timezone: body.timezone };
    });
  }
}
