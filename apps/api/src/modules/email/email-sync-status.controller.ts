import { Controller, Get, Param } from '@nestjs/common';
import type { EmailSyncStatusDto } from '@switchboard/contracts';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { AppException } from '../../core/http/app.exception';
import { InboxesService } from '../inboxes/inboxes.service';
import { EmailSyncLogRepository } from './email-sync-log.repository';
import { toEmailSyncStatusDto } from './email-sync-status.mapper';
import { EmailSyncStatesRepository } from './email-sync-states.repository';
import { emailConnectionOf } from './oauth/email-connection';

/** What the inbox's settings page shows: sync state, history import progress, refused messages. */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes/:id/email-sync')
export class EmailSyncStatusController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly states: EmailSyncStatesRepository,
    private readonly syncLog: EmailSyncLogRepository,
  ) {}

  @Get()
  async status(
    @CurrentOperator() op: AuthenticatedOperator,
    @Param('id') id: string,
  ): Promise<EmailSyncStatusDto> {
    const inbox = await this.inboxes.get(op.accountId, id);
    if (inbox.kind !== 'email')
      throw new AppException('VALIDATION_FAILED', 'This inbox is not an email inbox');
    const state = await this.states.find(id);
    const log = await this.syncLog.listRecent(id);
    const { context } = await this.inboxes.loadContext(id);
    return {
      ...toEmailSyncStatusDto(state, log, inbox.pausedAt !== null),
      connection: emailConnectionOf(context.secrets),
    };
  }
}

export type { EmailSyncStatusDto };
