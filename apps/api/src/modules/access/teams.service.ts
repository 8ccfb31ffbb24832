import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamDto } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedOperator } from '../../core/auth/authenticated-operator';
import { AppException, notFound } from '../../core/http/app.exception';
import { EventLogService } from '../../core/events/event-log.service';
import { AuditLogService } from '../audit/audit-log.service';
import { ACCESS_CHANGED } from './access-changed.event';
import type { TeamEntity } from './entities/team.entity';
import { TeamsRepository } from './teams.repository';

const toTeamDto = (team: TeamEntity, memberIds: string[]): TeamDto => ({
  id: team.id,
  name: team.name,
  memberIds,
  createdAt: team.createdAt.toISOString(),
});

/** Admin-managed teams: each change is one transaction with its audit entry. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditLogService,
    private readonly events: EventLogService,
  ) {}

  async list(op: AuthenticatedOperator): Promise<TeamDto[]> {
    const rows = await this.teams.listByAccount(op.accountId);
    return rows.map((r) => toTeamDto(r.team, r.memberIds));
  }

  create(op: AuthenticatedOperator, ip: string, name: string): Promise<TeamDto> {
    requireTeamsAdmin(op);
    return this.ds.transaction(async (em) => {
      await this.refuseTakenName(em, op.accountId, name);
      const team = await this.teams.insert(em, op.accountId, name);
      await this.audit.record(
        { ...teamTarget(op, team), action: 'team.created', details: {} },
        { operator: op, ip },
        em,
      );
      return toTeamDto(team, []);
    });
  }

  rename(op: AuthenticatedOperator, ip: string, id: string, name: string): Promise<TeamDto> {
    requireTeamsAdmin(op);
    return this.ds.transaction(async (em) => {
      const team = await this.lockTeam(em, op, id);
      if (team.name !== name) {
        await this.refuseTakenName(em, op.accountId, name, team.id);
        await this.teams.rename(em, team.id, name);
        await this.audit.record(
          {
            ...teamTarget(op, { ...team, name }),
            action: 'team.renamed',
            details: { from: team.name },
          },
          { operator: op, ip },
          em,
        );
      }
      return toTeamDto({ ...team, name }, await this.teams.memberIds(em, team.id));
    });
  }

  delete(op: AuthenticatedOperator, ip: string, id: string): Promise<void> {
    requireTeamsAdmin(op);
    return this.ds.transaction(async (em) => {
      const team = await this.lockTeam(em, op, id);
      const memberIds = await this.teams.memberIds(em, team.id);
      await this.teams.delete(em, team.id);
      await this.events.append(em, op.accountId, [ACCESS_CHANGED]);
      await this.audit.record(
        { ...teamTarget(op, team), action: 'team.deleted', details: { memberIds } },
        { operator: op, ip },
        em,
      );
    });
  }

  /** Replaces the members; every id must be an active operator of the account (400 otherwise). */
  setMembers(
    op: AuthenticatedOperator,
    ip: string,
    id: string,
    operatorIds: string[],
  ): Promise<TeamDto> {
    requireTeamsAdmin(op);
    const wanted = [...new Set(operatorIds)].sort();
    return this.ds.transaction(async (em) => {
      const team = await this.lockTeam(em, op, id);
      const known = new Set(await this.teams.activeOperatorIds(em, op.accountId, wanted));
      const unknown = wanted.filter((o) => !known.has(o));
      if (unknown.length)
        throw new AppException(
          'VALIDATION_FAILED',
          `operatorIds: not active operators of this account: ${unknown.join(', ')}`,
        );
      if (wanted.length === 0 && (await this.teams.routesByRoundRobin(em, team.id)))
        throw new AppException(
          'ROUTING_SETTINGS_INVALID',
          'operatorIds: a round-robin team needs at least one member; turn round-robin off first',
        );
      const before = await this.teams.memberIds(em, team.id);
      await this.teams.replaceMembers(em, op.accountId, team.id, wanted);
      const added = wanted.filter((o) => !before.includes(o));
      const removed = before.filter((o) => !wanted.includes(o));
      if (added.length || removed.length) {
        await this.events.append(em, op.accountId, [ACCESS_CHANGED]);
        await this.audit.record(
          { ...teamTarget(op, team), action: 'team.members_changed', details: { added, removed } },
          { operator: op, ip },
          em,
        );
      }
      return toTeamDto(team, wanted);
    });
  }

  private async lockTeam(em: EntityManager, op: AuthenticatedOperator, id: string) {
    const team = await this.teams.lockInAccount(em, op.accountId, id);
    if (!team) throw notFound('Team');
    return team;
  }

  private async refuseTakenName(em: EntityManager, accountId: string, name: string, id?: string) {
    if (await this.teams.nameTaken(em, accountId, name, id))
      throw new AppException('CONFLICT', `A team named "${name}" exists already`);
  }
}

/** Teams are managed by admins; an agent gets 403 before anything is looked up. */
export function requireTeamsAdmin(op: AuthenticatedOperator): void {
  if (op.role !== 'admin')
    throw new AppException('FORBIDDEN', 'Only admins can manage teams and inbox access');
}

const teamTarget = (op: AuthenticatedOperator, team: Pick<TeamEntity, 'id' | 'name'>) => ({
  accountId: op.accountId,
  targetType: 'team',
  targetId: team.id,
  targetLabel: team.name,
});
