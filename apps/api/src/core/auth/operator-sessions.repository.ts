import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CachedQuery } from '../database/cached-query';
import { OperatorEntity } from '../../modules/operators/entities/operator.entity';
import { OperatorSessionEntity } from './entities/operator-session.entity';

/** Who a session belongs to, as the guard attaches it to a request. */
export type SessionOperator = Pick<OperatorEntity, 'id' | 'accountId' | 'name' | 'email' | 'role'>;

/** An unexpired session and its operator. */
export type ActiveSessionRow = SessionOperator & { expiresAt: Date };

/** Sessions that were just ended, for telling every instance to close their sockets. */
export interface EndedSessions {
  accountId: string;
  tokenHashes: Buffer[];
}

/** Signed-in devices (`operator_sessions`), found by the SHA-256 of their bearer token. */
@Injectable()
export class OperatorSessionsRepository {
  /** Read on every request: its SQL is built once. */
  private readonly hot = new CachedQuery();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** A new session, expiring `ttlHours` from now by the database's clock; returns that time. */
  async create(
    tokenHash: Buffer,
    operator: Pick<OperatorEntity, 'id' | 'accountId'>,
    ttlHours: number,
  ): Promise<Date> {
    const result = await this.ds
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
      .returning(['expiresAt'])
      .updateEntity(false)
      .execute();
    const [row] = result.raw as Array<{ expires_at: Date }>;
    if (!row) throw new Error('The new session was not returned');
    return row.expires_at;
  }

  /** The operator of an unexpired session and when it expires; checked on every authenticated request. */
  async findActive(tokenHash: Buffer): Promise<ActiveSessionRow | null> {
    const [row] = await this.hot.rows<ActiveSessionRow>(
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
          .addSelect('s.expires_at', 'expiresAt')
          // Deactivation deletes the sessions too; this keeps a racing sign-in from outliving it.
          .where('s.token_hash = :tokenHash AND s.expires_at > now() AND o.deactivated_at IS NULL'),
      { tokenHash },
    );
    return row ?? null;
  }

  /** Of these sessions, the ones that still exist and have not expired. */
  async findLive(tokenHashes: Buffer[]): Promise<Buffer[]> {
    if (tokenHashes.length === 0) return [];
    const rows = await this.ds
      .createQueryBuilder(OperatorSessionEntity, 's')
      .select('s.token_hash', 'tokenHash')
      .where('s.token_hash IN (:...tokenHashes) AND s.expires_at > now()', { tokenHashes })
      .getRawMany<{ tokenHash: Buffer }>();
    return rows.map((r) => r.tokenHash);
  }

  async delete(tokenHash: Buffer): Promise<EndedSessions | null> {
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(OperatorSessionEntity)
      .where('token_hash = :tokenHash', { tokenHash })
      .returning(['accountId'])
      .execute();
    const row = (result.raw as Array<{ account_id: string }>)[0];
    return row ? { accountId: row.account_id, tokenHashes: [tokenHash] } : null;
  }

  /** Ends every session of the operator, except `keep` (the one asking, at a password change). */
  async deleteOfOperator(
    em: EntityManager,
    operatorId: string,
    keep: Buffer | null = null,
  ): Promise<EndedSessions | null> {
    const q = em
      .createQueryBuilder()
      .delete()
      .from(OperatorSessionEntity)
      .where('operator_id = :operatorId', { operatorId });
    if (keep) q.andWhere('token_hash <> :keep', { keep });
    const result = await q.returning(['tokenHash', 'accountId']).execute();
    const rows = result.raw as Array<{ token_hash: Buffer; account_id: string }>;
    const [first] = rows;
    if (!first) return null;
    return { accountId: first.account_id, tokenHashes: rows.map((r) => r.token_hash) };
  }
}
