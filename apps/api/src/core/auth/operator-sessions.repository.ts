import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OperatorEntity } from '../../modules/operators/entities/operator.entity';
import { OperatorSessionEntity } from './entities/operator-session.entity';

/** Who a session belongs to, as the guard attaches it to a request. */
export type SessionOperator = Pick<OperatorEntity, 'id' | 'accountId' | 'name' | 'email' | 'role'>;

/** Signed-in devices (`operator_sessions`), found by the SHA-256 of their bearer token. */
@Injectable()
export class OperatorSessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A new session, expiring `ttlHours` from now by the database's clock. */
  async create(
    tokenHash: Buffer,
    operator: Pick<OperatorEntity, 'id' | 'accountId'>,
    ttlHours: number,
  ): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(OperatorSessionEntity)
      .values({
        tokenHash,
        operatorId: operator.id,
        accountId: operator.accountId,
        expiresAt: () => 'now() + make_interval(hours => :ttlHours)',
      })
      .setParameter('ttlHours', ttlHours)
      .updateEntity(false)
      .execute();
  }

  /** The operator of an unexpired session; checked on every authenticated request. */
  findOperatorOfActiveSession(tokenHash: Buffer): Promise<SessionOperator | null> {
    return this.ds
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .innerJoin(OperatorSessionEntity, 's', 's.operatorId = o.id')
      .select(['o.id', 'o.accountId', 'o.name', 'o.email', 'o.role'])
      .where('s.tokenHash = :tokenHash', { tokenHash })
      .andWhere('s.expiresAt > now()')
      .getOne();
  }

  async delete(tokenHash: Buffer): Promise<void> {
    await this.ds.getRepository(OperatorSessionEntity).delete({ tokenHash });
  }
}
