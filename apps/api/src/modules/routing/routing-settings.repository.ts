import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TeamEntity } from '../access/entities/team.entity';
import { TeamMemberEntity } from '../access/entities/team-member.entity';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TeamRoutingEntity } from './entities/team-routing.entity';
import { TeamRoutingMemberEntity } from './entities/team-routing-member.entity';
import { RoutingQueueEntryEntity } from './entities/routing-queue-entry.entity';

export interface RoutingMemberRow {
  operatorId: string;
  name: string;
  presence: string;
  maxOpen: number | null;
  lastTurn: string | null;
}

export type RoutingSetting = Pick<
  TeamRoutingEntity,
  'roundRobin' | 'maxOpenPerOperator' | 'handBackOnAway'
>;

/** Teams' routing settings and their members' turns; the setting row is the team's lock. */
@Injectable()
export class RoutingSettingsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  findTeam(em: EntityManager, teamId: string, accountId?: string) {
    return em.getRepository(TeamEntity).findOne({
      select: { id: true, name: true, accountId: true },
      where: accountId ? { id: teamId, accountId } : { id: teamId },
    });
  }

  /**
   * The team's routing row, created with the defaults if missing, locked until commit: every
   * routing decision of the team, on any instance, waits here for the one before it.
   */
  async lockTeam(em: EntityManager, accountId: string, teamId: string): Promise<TeamRoutingEntity> {
    await em
      .createQueryBuilder()
      .insert()
      .into(TeamRoutingEntity)
      .values({ accountId, teamId })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return em
      .getRepository(TeamRoutingEntity)
      .createQueryBuilder('r')
      .where('r.teamId = :teamId', { teamId })
      .setLock('pessimistic_write')
      .getOneOrFail();
  }

  /** Like lockTeam for an existing row, but null at once when another drain holds it. */
  tryLockTeam(em: EntityManager, teamId: string): Promise<TeamRoutingEntity | null> {
    return em
      .getRepository(TeamRoutingEntity)
      .createQueryBuilder('r')
      .where('r.teamId = :teamId', { teamId })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  /** The team's next turn number (the caller holds the team's lock). */
  async nextSeq(em: EntityManager, teamId: string): Promise<string> {
    const result = await em
      .createQueryBuilder()
      .update(TeamRoutingEntity)
      .set({ seq: () => 'seq + 1' })
      .where('team_id = :teamId', { teamId })
      .returning('seq')
      .updateEntity(false)
      .execute();
    return String((result.raw as { seq: string }[])[0]!.seq);
  }

  async save(em: EntityManager, teamId: string, setting: RoutingSetting): Promise<void> {
    await em.getRepository(TeamRoutingEntity).update({ teamId }, setting);
  }

  /** Every team of the account with its setting (defaults where none was saved), by name. */
  listTeams(accountId: string) {
    return this.ds
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .leftJoin(TeamRoutingEntity, 'r', 'r.team_id = t.id')
      .select('t.id', 'teamId')
      .addSelect('t.name', 'teamName')
      .addSelect('COALESCE(r.round_robin, false)', 'roundRobin')
      .addSelect('COALESCE(r.max_open_per_operator, 10)', 'maxOpenPerOperator')
      .addSelect('COALESCE(r.hand_back_on_away, false)', 'handBackOnAway')
      .addSelect(
        (q) =>
          q.select('count(*)::int').from(RoutingQueueEntryEntity, 'q').where('q.team_id = t.id'),
        'queued',
      )
      .where('t.account_id = :accountId', { accountId })
      .orderBy('t.name')
      .getRawMany<{
        teamId: string;
        teamName: string;
        roundRobin: boolean;
        maxOpenPerOperator: number;
        handBackOnAway: boolean;
        queued: number;
      }>();
  }

  /** The team's active members with their routing state, in turn order (never assigned first). */
  members(em: EntityManager, teamId: string): Promise<RoutingMemberRow[]> {
    return em
      .createQueryBuilder(TeamMemberEntity, 'tm')
      .innerJoin(OperatorEntity, 'o', 'o.id = tm.operator_id AND o.deactivated_at IS NULL')
      .leftJoin(
        TeamRoutingMemberEntity,
        'rm',
        'rm.team_id = tm.team_id AND rm.operator_id = tm.operator_id',
      )
      .select('o.id', 'operatorId')
      .addSelect('o.name', 'name')
      .addSelect('o.presence', 'presence')
      .addSelect('rm.max_open', 'maxOpen')
      .addSelect('rm.last_turn::text', 'lastTurn')
      .where('tm.team_id = :teamId', { teamId })
      .orderBy('rm.last_turn', 'ASC', 'NULLS FIRST')
      .addOrderBy('o.id')
      .getRawMany<RoutingMemberRow>();
  }

  async setMemberMax(
    em: EntityManager,
    accountId: string,
    teamId: string,
    operatorId: string,
    maxOpen: number | null,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(TeamRoutingMemberEntity)
      .values({ accountId, teamId, operatorId, maxOpen })
      .orUpdate(['max_open'], ['team_id', 'operator_id'])
      .updateEntity(false)
      .execute();
  }

  /** The member just got a conversation at the team's turn `seq`. */
  async recordTurn(
    em: EntityManager,
    accountId: string,
    teamId: string,
    operatorId: string,
    seq: string,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(TeamRoutingMemberEntity)
      .values({ accountId, teamId, operatorId, lastTurn: seq })
      .orUpdate(['last_turn'], ['team_id', 'operator_id'])
      .updateEntity(false)
      .execute();
  }

  /** The teams an operator is a member of, with their hand-back setting, in id order. */
  teamsOf(operatorId: string) {
    return this.ds
      .createQueryBuilder(TeamMemberEntity, 'tm')
      .leftJoin(TeamRoutingEntity, 'r', 'r.team_id = tm.team_id')
      .select('tm.team_id', 'teamId')
      .addSelect('COALESCE(r.hand_back_on_away, false)', 'handBackOnAway')
      .where('tm.operator_id = :operatorId', { operatorId })
      .orderBy('tm.team_id')
      .getRawMany<{ teamId: string; handBackOnAway: boolean }>();
  }

  /** Round-robin teams holding open, unassigned conversations that are not queued yet. */
  async roundRobinTeamsWithUnrouted(): Promise<string[]> {
    const rows = await this.ds
      .createQueryBuilder(TeamRoutingEntity, 'r')
      .select('r.team_id', 'teamId')
      .where('r.round_robin')
      .andWhere((q) => {
        const sub = q
          .subQuery()
          .select('1')
          .from(ConversationEntity, 'c')
          .where(
            `c.assignee_team_id = r.team_id AND c.assignee_id IS NULL AND c.status = 'open'
             AND c.merged_into_id IS NULL
             AND NOT EXISTS (SELECT 1 FROM routing_queue q WHERE q.conversation_id = c.id)`,
          );
        return `EXISTS ${sub.getQuery()}`;
      })
      .getRawMany<{ teamId: string }>();
    return rows.map((r) => r.teamId);
  }
}
