import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createInboxRequestSchema,
  removeInboxRequestSchema,
  updateInboxRequestSchema,
  type CreateInboxRequest,
  type InboxDto,
  type RemoveInboxRequest,
  type UpdateInboxRequest,
} from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { CurrentOperator } from '../../core/auth/current-operator.decorator';
import { ApiZodBody } from '../../core/http/api-zod.decorators';
import { AppException } from '../../core/http/app.exception';
import { parseWith } from '../../core/http/zod-validation.pipe';
import { AuditLogService } from '../audit/audit-log.service';
import { InboxHistoryPurgeWorker } from './inbox-history-purge.worker';
import { InboxLifecycleSignals } from './inbox-lifecycle.signals';
import { InboxesService } from './inboxes.service';

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes')
export class InboxesController {
  constructor(
    private readonly inboxes: InboxesService,
    private readonly audit: AuditLogService,
    private readonly lifecycle: InboxLifecycleSignals,
    private readonly purge: InboxHistoryPurgeWorker,
  ) {}

  @Get()
  list(@CurrentOperator() op: AuthenticatedOperator): Promise<InboxDto[]> {
    return this.inboxes.list(op.accountId);
  }

  @Get(':id')
  get(@CurrentOperator() op: AuthenticatedOperator, @Param('id') id: string): Promise<InboxDto> {
    return this.inboxes.get(op.accountId, id);
  }

  @Post()
  @ApiZodBody(createInboxRequestSchema)
  async create(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Body(parseWith(createInboxRequestSchema)) body: CreateInboxRequest,
  ): Promise<InboxDto> {
    requireAdmin(op);
    const inbox = await this.inboxes.create(op.accountId, body);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'inbox.created',
        targetType: 'inbox',
        targetId: inbox.id,
        targetLabel: inbox.name,
        details: { kind: inbox.kind },
      },
      { operator: op, ip },
    );
    return inbox;
  }

  @Patch(':id')
  @ApiZodBody(updateInboxRequestSchema)
  async update(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(updateInboxRequestSchema)) body: UpdateInboxRequest,
  ): Promise<InboxDto> {
    requireAdmin(op);
    const before = await this.inboxes.get(op.accountId, id);
    const inbox = await this.inboxes.update(op.accountId, id, body);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'inbox.updated',
        targetType: 'inbox',
        targetId: inbox.id,
        targetLabel: inbox.name,
        details: inboxChanges(before, inbox, body),
      },
      { operator: op, ip },
    );
    return inbox;
  }

  /**
   * Disconnects the channel and hides the inbox; its conversations stay. With `deleteHistory` and
   * the inbox's exact name as `confirmName`, its conversations are deleted too, in the background.
   */
  @Delete(':id')
  @ApiZodBody(removeInboxRequestSchema)
  async remove(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
    @Body(parseWith(removeInboxRequestSchema)) body: RemoveInboxRequest | undefined,
  ): Promise<{ removed: true; historyDeleted: boolean }> {
    requireAdmin(op);
    const deleteHistory = body?.deleteHistory === true;
    if (deleteHistory) {
      const current = await this.inboxes.get(op.accountId, id);
      if (body?.confirmName !== current.name)
        throw new AppException(
          'VALIDATION_FAILED',
          "To delete the inbox's conversations, type its exact name to confirm",
        );
    }
    const inbox = await this.inboxes.remove(
      op.accountId,
      id,
      deleteHistory ? (em, row) => this.purge.schedule(em, row) : undefined,
    );
    await this.lifecycle.announce(op.accountId, inbox.id);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'inbox.deleted',
        targetType: 'inbox',
        targetId: inbox.id,
        targetLabel: inbox.name,
        details: { kind: inbox.kind, history: deleteHistory ? 'deleted' : 'kept' },
      },
      { operator: op, ip },
    );
    return { removed: true, historyDeleted: deleteHistory };
  }

  /** Stops pulling from the provider (IMAP, Telegram polling) until resumed; nothing is lost. */
  @Post(':id/pause')
  @HttpCode(200)
  pause(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<InboxDto> {
    return this.setPaused(op, ip, id, true);
  }

  /** Pulls again; what arrived while paused is read now. */
  @Post(':id/resume')
  @HttpCode(200)
  resume(
    @CurrentOperator() op: AuthenticatedOperator,
    @Ip() ip: string,
    @Param('id') id: string,
  ): Promise<InboxDto> {
    return this.setPaused(op, ip, id, false);
  }

  private async setPaused(
    op: AuthenticatedOperator,
    ip: string,
    id: string,
    paused: boolean,
  ): Promise<InboxDto> {
    requireAdmin(op);
    const inbox = await this.inboxes.setPaused(op.accountId, id, paused);
    await this.lifecycle.announce(op.accountId, inbox.id);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: paused ? 'inbox.paused' : 'inbox.resumed',
        targetType: 'inbox',
        targetId: inbox.id,
        targetLabel: inbox.name,
        details: { kind: inbox.kind },
      },
      { operator: op, ip },
    );
    return inbox;
  }
}

export function requireAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin') throw new AppException('FORBIDDEN', 'Only admins can change inboxes');
}

/** Which fields an update changed, never their values: secrets must not reach the audit log. */
function inboxChanges(before: InboxDto, after: InboxDto, req: UpdateInboxRequest) {
  const settings = [...new Set([...Object.keys(before.settings), ...Object.keys(after.settings)])]
    .filter((k) => JSON.stringify(before.settings[k]) !== JSON.stringify(after.settings[k]))
    .sort();
  const secrets = Object.keys(req.secrets ?? {}).sort();
  const fields = [
    ...(before.name !== after.name ? ['name'] : []),
    ...(before.reopenPolicy !== after.reopenPolicy ? ['reopenPolicy'] : []),
    ...(settings.length ? ['settings'] : []),
    ...(secrets.length ? ['secrets'] : []),
  ];
  return { fields, settings, secrets };
}
