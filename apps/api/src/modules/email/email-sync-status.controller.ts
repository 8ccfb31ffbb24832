import { Controller, Get, Param } from '@nestjs/common';
import type { EmailSyncStatusDto } from '@switchboard/contracts';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { AppException } from '../../core/http/app.exception';
import { InboxesService } from '../inboxes/inboxes.service';
import { EmailSyncStateRepository } from './email-sync-state.repository';

/** What the inbox's settings page shows: sync state, history import progress, refused messages. */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes/:id/email-sync')
export class EmailSyncStatusController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly state: EmailSyncStateRepository,
  ) {}

  @Get()
  async status(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<EmailSyncStatusDto> {
    const inbox = await this.inboxes.get(op.accountId, id);
    if (inbox.kind !== 'email')
      throw new AppException('VALIDATION_FAILED', 'This inbox is not an email inbox');
    const row = await this.state.find(id);
    const log = await this.state.recentLog(id);
    return {
      status: row?.status ?? 'connecting',
      mailbox: row?.mailbox ?? null,
      lastUid: Number(row?.last_uid ?? 0),
      history: {
        total: row?.history_total ?? 0,
        done: row?.history_done ?? 0,
        completed: row?.history_completed_at != null,
      },
      lastError: row?.last_error ?? null,
      lastErrorAt: row?.last_error_at?.toISOString() ?? null,
      lastSyncedAt: row?.last_synced_at?.toISOString() ?? null,
      log: log.map((l) => ({
        uid: l.uid === null ? null : Number(l.uid),
        messageId: l.message_id,
        action: l.action,
        reason: l.reason,
        at: l.created_at.toISOString(),
      })),
    };
  }
}

export type { EmailSyncStatusDto };
