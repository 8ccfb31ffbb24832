import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CachedQuery } from '../database/cached-query';
import { OperatorEntity } from '../../modules/operators/entities/operator.entity';
import { OperatorSessionEntity } from './entities/operator-session.entity';

/** Who a session belongs to, as the guard attaches it to a request. */
export type SessionOperator = Pick<OperatorEntity, 'id' | 'accountId' | 'name' | 'email' | 'role'>;

/** Signed-in devices (`operator_sessions`), found by the SHA-256 of their bearer token. */
@Injectable()
export class OperatorSessionsRepository {
  /** Read on every request: its SQL is built once. */
  private readonly hot = new CachedQuery();

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
  async findOperatorOfActiveSession(tokenHash: Buffer): Promise<SessionOperator | null> {
    const [row] = await this.hot.rows<SessionOperator>(
      this.ds.manager,
      'active-session',
      () =>
        this.ds
          .createQueryBuilder(OperatorEntity, 'o')
          .innerJoin(OperatorSessionEntity, 's', 's.operator_id = o.id')
          .select('o.id', 'id')
          .addSelect('o.account_id', 'accountId')
          .addSelect('o.name', 'name')
          .addSelect('o.email', 'email')
          .addSelect('o.role', 'role')
          .where('s.token_hash = :tokenHash AND s.expires_at > now()'),
      { tokenHash },
    );
    return row ?? null;
  }

  async delete(tokenHash: Buffer): Promise<void> {
    await this.ds.getRepository(OperatorSessionEntity).delete({ tokenHash });
  }
}
