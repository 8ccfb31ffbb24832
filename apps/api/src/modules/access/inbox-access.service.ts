import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboxAccessDto, SetInboxAccessRequest } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { EventLogService } from '../../core/events/event-log.service';
import { AuditLogService } from '../audit/audit-log.service';
import { ACCESS_CHANGED } from './access-changed.event';
import { isUuid } from '../conversations/keyset-cursor';
import { InboxesRepository } from '../inboxes/inboxes.repository';
import { InboxAccessRepository } from './inbox-access.repository';
import { TeamsRepository } from './teams.repository';
import { requireTeamsAdmin } from './teams.service';

/** Who may work an inbox (admin-managed); the rule itself is InboxAccessRepository's. */
@Injectable()
export class InboxAccessService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: InboxAccessRepository,
    private readonly inboxes: InboxesRepository,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditLogService,
    private readonly events: EventLogService,
  ) {}

  async get(op: AuthenticatedOperator, inboxId: string): Promise<InboxAccessDto> {
    requireTeamsAdmin(op);
    await this.findInbox(this.ds.manager, op, inboxId);
    return this.read(this.ds.manager, inboxId);
  }

  /** Replaces the inbox's member operators and teams; unknown ids are a 400 that changes nothing. */
  set(
    op: AuthenticatedOperator,
    ip: string,
    inboxId: string,
    req: SetInboxAccessRequest,
  ): Promise<InboxAccessDto> {
    requireTeamsAdmin(op);
    const operatorIds = [...new Set(req.operatorIds)].sort();
    const teamIds = [...new Set(req.teamIds)].sort();
    return this.ds.transaction(async (em) => {
      const inbox = await this.findInbox(em, op, inboxId);
      const operators = new Set(await this.teams.activeOperatorIds(em, op.accountId, operatorIds));
      const teams = new Set(await this.teams.existingTeamIds(em, op.accountId, teamIds));
      const badOperators = operatorIds.filter((o) => !operators.has(o));
      const badTeams = teamIds.filter((t) => !teams.has(t));
      if (badOperators.length)
        throw new AppException(
          'VALIDATION_FAILED',
          `operatorIds: not active operators of this account: ${badOperators.join(', ')}`,
        );
      if (badTeams.length)
        throw new AppException(
          'VALIDATION_FAILED',
          `teamIds: not teams of this account: ${badTeams.join(', ')}`,
        );
      const before = await this.read(em, inbox.id);
      await this.access.replaceMembers(em, op.accountId, inbox.id, operatorIds, teamIds);
      const after: InboxAccessDto = { inboxId: inbox.id, operatorIds, teamIds };
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.events.append(em, op.accountId, [ACCESS_CHANGED]);
        await this.audit.record(
          {
            accountId: op.accountId,
            action: 'inbox.access_changed',
            targetType: 'inbox',
            targetId: inbox.id,
            targetLabel: inbox.name,
            details: {
              operatorIds: { from: before.operatorIds, to: operatorIds },
              teamIds: { from: before.teamIds, to: teamIds },
            },
          },
          { operator: op, ip },
          em,
        );
      }
      return after;
    });
  }

  private async read(em: EntityManager, inboxId: string): Promise<InboxAccessDto> {
    return {
      inboxId,
      operatorIds: await this.access.memberOperatorIds(em, inboxId),
      teamIds: await this.access.memberTeamIds(em, inboxId),
    };
  }

  private async findInbox(em: EntityManager, op: AuthenticatedOperator, inboxId: string) {
    const inbox = isUuid(inboxId) ? await this.inboxes.find(em, inboxId, op.accountId) : null;
    if (!inbox) throw notFound('Inbox');
    return inbox;
  }
}
