import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { isUuid } from '../conversations/keyset-cursor';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { TeamMemberEntity } from './entities/team-member.entity';
import { TeamEntity } from './entities/team.entity';
import { TeamRoutingEntity } from '../routing/entities/team-routing.entity';

export interface TeamWithMembers {
  team: TeamEntity;
  memberIds: string[];
}

/** The account's teams and who is in them. */
@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  async listByAccount(accountId: string): Promise<TeamWithMembers[]> {
    const teams = await this.ds
      .getRepository(TeamEntity)
      .find({ where: { accountId }, order: { name: 'ASC', id: 'ASC' } });
    const members = await this.ds
      .getRepository(TeamMemberEntity)
      .find({ where: { accountId }, order: { operatorId: 'ASC' } });
    return teams.map((team) => ({
      team,
      memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.operatorId),
    }));
  }

  /** One team of the account, locked for the transaction; null when not theirs. */
  lockInAccount(em: EntityManager, accountId: string, id: string): Promise<TeamEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return em
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where('t.id = :id AND t.accountId = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  nameTaken(em: EntityManager, accountId: string, name: string, exceptId?: string) {
    return em
      .getRepository(TeamEntity)
      .createQueryBuilder('t')
      .where('t.accountId = :accountId AND t.name = :name', { accountId, name })
      .andWhere(exceptId ? 't.id <> :exceptId' : 'TRUE', { exceptId })
      .getExists();
  }

  async insert(em: EntityManager, accountId: string, name: string): Promise<TeamEntity> {
    const repo = em.getRepository(TeamEntity);
    const result = await repo.insert({ accountId, name });
    return repo.create({ accountId, name, ...result.generatedMaps[0] });
  }

  async rename(em: EntityManager, id: string, name: string): Promise<void> {
    await em.getRepository(TeamEntity).update({ id }, { name });
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(TeamEntity).delete({ id });
  }

  /** Whether the team hands out conversations by round-robin (it must keep a member then). */
  async routesByRoundRobin(em: EntityManager, teamId: string): Promise<boolean> {
    return em.getRepository(TeamRoutingEntity).existsBy({ teamId, roundRobin: true });
  }

  memberIds(em: EntityManager, teamId: string): Promise<string[]> {
    return em
      .getRepository(TeamMemberEntity)
      .find({ where: { teamId }, order: { operatorId: 'ASC' } })
      .then((rows) => rows.map((r) => r.operatorId));
  }

  async replaceMembers(
    em: EntityManager,
    accountId: string,
    teamId: string,
    operatorIds: string[],
  ): Promise<void> {
    await em.getRepository(TeamMemberEntity).delete({ teamId });
    if (operatorIds.length)
      await em
        .getRepository(TeamMemberEntity)
        .insert(operatorIds.map((operatorId) => ({ accountId, teamId, operatorId })));
  }

  /** Which of these ids are teams of the account. */
  async existingTeamIds(em: EntityManager, accountId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await em
      .getRepository(TeamEntity)
      .find({ select: { id: true }, where: { id: In(ids), accountId } });
    return rows.map((r) => r.id);
  }

  /** Which of these ids are active operators of the account. */
  async activeOperatorIds(em: EntityManager, accountId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await em
      .getRepository(OperatorEntity)
      .find({ select: { id: true }, where: { id: In(ids), accountId, deactivatedAt: IsNull() } });
    return rows.map((r) => r.id);
  }
}
