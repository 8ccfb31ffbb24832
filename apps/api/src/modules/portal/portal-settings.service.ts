import { Injectable } from '@nestjs/common';
import type { PortalSettingsDto, UpdatePortalSettingsRequest } from '@switchboard/contracts';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { AuditLogService } from '../audit/audit-log.service';
import { PortalTargetRepository } from './portal-target.repository';

/** The customer portal's account settings: everyone reads them, admins choose the target inbox. */
@Injectable()
export class PortalSettingsService {
  constructor(
    private readonly targets: PortalTargetRepository,
    private readonly audit: AuditLogService,
  ) {}

  async get(accountId: string): Promise<PortalSettingsDto> {
    const chosen = await this.targets.chosenInboxId(accountId);
    // A choice whose inbox was removed since is shown as no choice: it is not used.
    const usable = chosen ? await this.targets.usableInbox(accountId, chosen) : null;
    const effective = await this.targets.targetInbox(accountId);
    return {
      targetInboxId: usable?.id ?? null,
      effectiveInboxId: effective?.id ?? null,
      signInPath: `/portal/${accountId}/sign-in`,
    };
  }

  async update(
    op: AuthenticatedOperator,
    ip: string | null,
    body: UpdatePortalSettingsRequest,
  ): Promise<PortalSettingsDto> {
    if (op.role !== 'admin')
      throw new AppException('FORBIDDEN', 'Only admins can change the portal settings');
    const id = body.targetInboxId;
    if (id && !(await this.targets.usableInbox(op.accountId, id))) {
      // Another account's or a removed inbox is not named; one of ours of another kind is explained.
      if (!(await this.targets.ownsInbox(op.accountId, id))) throw notFound('Inbox');
      throw new AppException(
        'VALIDATION_FAILED',
        'New requests from the portal can go to an email or API inbox only',
      );
    }
    const before = await this.targets.chosenInboxId(op.accountId);
    await this.targets.choose(op.accountId, id);
    await this.audit.record(
      {
        accountId: op.accountId,
        action: 'account.updated',
        targetType: 'account',
        targetId: op.accountId,
        targetLabel: null,
        details: { portalInboxId: { from: before, to: id } },
      },
      { operator: op, ip },
    );
    return this.get(op.accountId);
  }
}
