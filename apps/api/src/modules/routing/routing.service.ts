import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  RoutingOperatorLoadDto,
  RoutingQueueEntryDto,
  TeamRoutingDto,
  UpdateTeamRoutingRequest,
} from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { InboxAccessRepository } from '../access/inbox-access.repository';
import { requireTeamsAdmin } from '../access/teams.service';
import { AuditLogService } from '../audit/audit-log.service';
import { OperatorConnectionsRepository } from './operator-connections.repository';
import { RoutingDrainService } from './routing-drain.service';
import { RoutingQueueRepository } from './routing-queue.repository';
import { RoutingSettingsRepository } from './routing-settings.repository';

type TeamRoutingUpdate = Required<UpdateTeamRoutingRequest>;

/** Teams' routing settings (admins change them), the queues and who is online with what load. */
@Injectable()
export class RoutingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: RoutingSettingsRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly connections: OperatorConnectionsRepository,
    private readonly inboxAccess: InboxAccessRepository,
    private readonly audit: AuditLogService,
    private readonly drain: RoutingDrainService,
  ) {}

  async listTeams(op: AuthenticatedOperator): Promise<TeamRoutingDto[]> {
    const teams = await this.settings.listTeams(op.accountId);
    const em = this.ds.manager;
    return Promise.all(
      teams.map(async (t) => ({ ...t, members: await this.members(em, t.teamId, t) })),
    );
  }

  /**
   * Replaces a team's setting. Refused (422, nothing stored): round-robin on a team with no
   * members, a member maximum for someone outside the team.
   */
  async update(
    op: AuthenticatedOperator,
    ip: string,
    teamId: string,
    body: TeamRoutingUpdate,
  ): Promise<TeamRoutingDto> {
    requireTeamsAdmin(op);
    await this.ds.transaction(async (em) => {
      const team = await this.settings.findTeam(em, teamId, op.accountId);
      if (!team) throw notFound('Team');
      const before = await this.settings.lockTeam(em, op.accountId, teamId);
      const members = await this.settings.members(em, teamId);
      if (body.roundRobin && members.length === 0)
        throw new AppException(
          'ROUTING_SETTINGS_INVALID',
          `roundRobin: team "${team.name}" has no members to share conversations between; add members first`,
        );
      const memberIds = new Set(members.map((m) => m.operatorId));
      const strangers = body.memberMaxOpen.filter((m) => !memberIds.has(m.operatorId));
      if (strangers.length)
        throw new AppException(
          'ROUTING_SETTINGS_INVALID',
          `memberMaxOpen: not active members of team "${team.name}": ${strangers.map((s) => s.operatorId).join(', ')}`,
        );
      const setting = {
        roundRobin: body.roundRobin,
        maxOpenPerOperator: body.maxOpenPerOperator,
        handBackOnAway: body.handBackOnAway,
      };
      await this.settings.save(em, teamId, setting);
      for (const m of body.memberMaxOpen)
        await this.settings.setMemberMax(em, op.accountId, teamId, m.operatorId, m.maxOpen);
      await this.audit.record(
        {
          accountId: op.accountId,
          targetType: 'team',
          targetId: team.id,
          targetLabel: team.name,
          action: 'team.routing_changed',
          details: {
            from: {
              roundRobin: before.roundRobin,
              maxOpenPerOperator: before.maxOpenPerOperator,
              handBackOnAway: before.handBackOnAway,
            },
            to: setting,
            memberMaxOpen: body.memberMaxOpen,
          },
        },
        { operator: op, ip },
        em,
      );
    });
    // A raised maximum or round-robin switched on may let queued conversations go now.
    this.drain.kick();
    const dto = (await this.listTeams(op)).find((t) => t.teamId === teamId);
    if (!dto) throw notFound('Team');
    return dto;
  }

  /** Every queue of the account in arrival order; an agent sees the entries they may open. */
  async queueOf(op: AuthenticatedOperator): Promise<RoutingQueueEntryDto[]> {
    const rows = await this.queue.list(op.accountId);
    const visible =
      op.role === 'admin'
        ? null
        : await this.inboxAccess.visibleInboxIds(op, [...new Set(rows.map((r) => r.inboxId))]);
    return rows
      .filter((r) => !visible || visible.has(r.inboxId))
      .map((r) => ({
        conversationId: r.conversationId,
        number: r.number,
        teamId: r.teamId,
        teamName: r.teamName,
        position: Number(r.position),
        enqueuedAt: new Date(r.enqueuedAt).toISOString(),
        contactName: r.contactName,
        preview: r.preview,
      }));
  }

  /** Every active operator: online, connected, available, load and the maximum that binds them. */
  async operatorLoads(op: AuthenticatedOperator): Promise<RoutingOperatorLoadDto[]> {
    const [loads, teams] = await Promise.all([
      this.connections.loads(op.accountId),
      this.listTeams(op),
    ]);
    const maxOf = new Map<string, number>();
    for (const team of teams.filter((t) => t.roundRobin))
      for (const m of team.members)
        maxOf.set(m.operatorId, Math.min(maxOf.get(m.operatorId) ?? Infinity, m.effectiveMaxOpen));
    return loads.map((l) => ({ ...l, maxOpen: maxOf.get(l.operatorId) ?? null }));
  }

  private async members(
    em: EntityManager,
    teamId: string,
    team: { maxOpenPerOperator: number },
  ): Promise<TeamRoutingDto['members']> {
    const rows = await this.settings.members(em, teamId);
    const ids = rows.map((r) => r.operatorId);
    const [available, open] = await Promise.all([
      this.connections.availableAmong(em, ids),
      this.connections.openAssigned(em, ids),
    ]);
    return rows
      .map((r) => ({
        operatorId: r.operatorId,
        name: r.name,
        maxOpen: r.maxOpen,
        effectiveMaxOpen: r.maxOpen ?? team.maxOpenPerOperator,
        openAssigned: open.get(r.operatorId) ?? 0,
        available: available.has(r.operatorId),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
