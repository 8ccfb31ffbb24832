import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PresenceStatus } from '@switchboard/contracts';
import type { DataSource, EntityManager, FindOptionsSelect } from 'typeorm';
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

  /** The account's operators, by name. */
  listPublicByAccount(accountId: string): Promise<PublicOperator[]> {
    return this.operators.find({
      select: PUBLIC_COLUMNS,
      where: { accountId },
      order: { name: 'ASC' },
    });
  }

  /** An operator of the account who can be named in a timeline (an assignee), inside a transaction. */
  findNameInAccount(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<Pick<OperatorEntity, 'id' | 'name'> | null> {
    return em
      .getRepository(OperatorEntity)
      .findOne({ select: { id: true, name: true }, where: { id, accountId } });
  }

  async setPresence(id: string, presence: PresenceStatus): Promise<void> {
    await this.operators.update({ id }, { presence });
  }
}
