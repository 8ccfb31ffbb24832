import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CSAT_DEFAULT_QUESTION,
  type CsatSettingsDto,
  type csatSettingsSchema,
} from '@switchboard/contracts';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { CsatRepository } from './csat.repository';
import type { CsatSettingsEntity } from './entities/csat-settings.entity';

/** What an inbox without settings does: nothing, until an admin turns surveys on. */
const DEFAULTS = {
  enabled: false,
  delayMinutes: 0,
  question: CSAT_DEFAULT_QUESTION,
  scale: 'csat',
  commentEnabled: true,
  quietDays: 30,
} as const;

const SETTING_KEYS = [
  'enabled',
  'delayMinutes',
  'question',
  'scale',
  'commentEnabled',
  'quietDays',
] as const;

function toDto(inboxId: string, row: CsatSettingsEntity | null): CsatSettingsDto {
  if (!row) return { inboxId, ...DEFAULTS };
  const { enabled, delayMinutes, question, scale, commentEnabled, quietDays } = row;
  return { inboxId, enabled, delayMinutes, question, scale, commentEnabled, quietDays };
}

/** Per-inbox survey settings: any operator of the account reads them, admins change them. */
@Injectable()
export class CsatSettingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: CsatRepository,
    private readonly audit: AuditLogService,
  ) {}

  async get(op: AuthenticatedOperator, inboxId: string): Promise<CsatSettingsDto> {
    await this.inbox(op, inboxId);
    return toDto(inboxId, await this.repo.settings(inboxId));
  }

  /** Saves the settings and, in the same transaction, the audit entry naming what changed. */
  async put(
    op: AuthenticatedOperator,
    inboxId: string,
    input: z.output<typeof csatSettingsSchema>,
    ip: string | null = null,
  ): Promise<CsatSettingsDto> {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can change satisfaction surveys');
    const inbox = await this.inbox(op, inboxId);
    return this.ds.transaction(async (em) => {
      const before = toDto(inboxId, await this.repo.settings(inboxId, em));
      const row = await this.repo.saveSettings({ accountId: op.accountId, inboxId, ...input }, em);
      const after = toDto(inboxId, row);
      const changed = SETTING_KEYS.filter((k) => before[k] !== after[k]);
      if (changed.length > 0)
        await this.audit.record(
          {
            accountId: op.accountId,
            action: 'csat.settings_changed',
            targetType: 'inbox',
            targetId: inboxId,
            targetLabel: inbox.name,
            details: { changed, enabled: after.enabled, scale: after.scale },
          },
          { operator: op, ip },
          em,
        );
      return after;
    });
  }

  private async inbox(op: AuthenticatedOperator, inboxId: string) {
    const inbox = await this.repo.inboxOfAccount(op.accountId, inboxId);
    if (!inbox) throw notFound('Inbox');
    return inbox;
  }
}
