import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PresenceStatus } from '@switchboard/contracts';
import { In, IsNull, type DataSource, type EntityManager, type FindOptionsSelect } from 'typeorm';
import { OperatorEntity } from './entities/operator.entity';

/** The columns an OperatorDto shows (never the password hash). */
const PUBLIC_COLUMNS = {
  id: true,
  email: true,
  name: true,
  role: true,
  timezone: true,
  locale: true,
} satisfies FindOptionsSelect<OperatorEntity>;

export type PublicOperator = Pick<
  OperatorEntity,
  'id' | 'email' | 'name' | 'role' | 'timezone' | 'locale'
>;

/** What the People screen shows of a colleague. */
const TEAM_COLUMNS = {
  ...PUBLIC_COLUMNS,
  avatarUrl: true,
  presence: true,
  deactivatedAt: true,
} satisfies FindOptionsSelect<OperatorEntity>;

export type TeamMember = PublicOperator &
  Pick<OperatorEntity, 'avatarUrl' | 'presence' | 'deactivatedAt'>;

/** The fields an operator may change on their own profile. */
export type ProfileChange = Partial<
  Pick<OperatorEntity, 'name' | 'avatarUrl' | 'timezone' | 'locale' | 'presence'>
>;

/** The `operators` table. */
@Injectable()
export class OperatorsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get operators() {
    return this.ds.getRepository(OperatorEntity);
  }

  /** For signing in: the whole row, password hash included. Emails are unique case-insensitively. */
  findByEmailForLogin(email: string): Promise<OperatorEntity | null> {
    return this.operators
      .createQueryBuilder('o')
      .where('lower(o.email) = lower(:email)', { email })
      .getOne();
  }

  findPublicById(id: string): Promise<PublicOperator | null> {
    return this.operators.findOne({ select: PUBLIC_COLUMNS, where: { id } });
  }

  /** The account's operators, by name, with presence and whether they are active. */
  listTeamByAccount(accountId: string): Promise<TeamMember[]> {
    return this.operators.find({
      select: TEAM_COLUMNS,
      where: { accountId },
      order: { name: 'ASC' },
    });
  }

  findTeamMember(em: EntityManager, accountId: string, id: string): Promise<TeamMember | null> {
    return em
      .getRepository(OperatorEntity)
      .findOne({ select: TEAM_COLUMNS, where: { id, accountId } });
  }

  /** Locks one operator of the account for the rest of the transaction. */
  lockInAccount(em: EntityManager, accountId: string, id: string): Promise<TeamMember | null> {
    return em
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .select(Object.keys(TEAM_COLUMNS).map((c) => `o.${c}`))
      .where('o.id = :id AND o.accountId = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * The active admins of the account, locked: two admins demoting each other at the same moment
   * serialise here, so the account never ends up without one.
   */
  async lockActiveAdminIds(em: EntityManager, accountId: string): Promise<string[]> {
    const rows = await em
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .select('o.id')
      .where("o.accountId = :accountId AND o.role = 'admin' AND o.deactivatedAt IS NULL", {
        accountId,
      })
      .orderBy('o.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map((r) => r.id);
  }

  /** Whoever already signs in with this email, in any account (emails are unique across them). */
  findByEmail(
    em: EntityManager,
    email: string,
  ): Promise<Pick<OperatorEntity, 'id' | 'accountId'> | null> {
    return em
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .select(['o.id', 'o.accountId'])
      .where('lower(o.email) = lower(:email)', { email })
      .getOne();
  }

  async setRole(em: EntityManager, id: string, role: OperatorEntity['role']): Promise<void> {
    await em.getRepository(OperatorEntity).update({ id }, { role });
  }

  async setDeactivatedAt(em: EntityManager, id: string, at: Date | null): Promise<void> {
    await em.getRepository(OperatorEntity).update({ id }, { deactivatedAt: at });
  }

  async updateProfile(em: EntityManager, id: string, change: ProfileChange): Promise<void> {
    await em.getRepository(OperatorEntity).update({ id }, change);
  }

  /**
   * An active operator of the account who can be named in a timeline (an assignee), inside a
   * transaction. A deactivated one cannot be given work.
   */
  findNameInAccount(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<Pick<OperatorEntity, 'id' | 'name'> | null> {
    return em.getRepository(OperatorEntity).findOne({
      select: { id: true, name: true },
      where: { id, accountId, deactivatedAt: IsNull() },
    });
  }

  /** Which of these ids are active operators of the account, with their names (mentions). */
  findActiveNamesInAccount(
    em: EntityManager,
    accountId: string,
    ids: string[],
  ): Promise<Pick<OperatorEntity, 'id' | 'name'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.getRepository(OperatorEntity).find({
      select: { id: true, name: true },
      where: { id: In(ids), accountId, deactivatedAt: IsNull() },
    });
  }

  async setPresence(id: string, presence: PresenceStatus): Promise<void> {
    await this.operators.update({ id }, { presence });
  }
}
