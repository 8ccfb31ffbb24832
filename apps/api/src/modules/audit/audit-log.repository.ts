import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction } from '@switchboard/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isUuid, microsUtc, type Keyset } from '../conversations/keyset-cursor';
import { AuditLogEntryEntity } from './entities/audit-log-entry.entity';

export type NewAuditLogEntry = Pick<AuditLogEntryEntity, 'accountId' | 'action'> &
  Partial<
    Pick<
      AuditLogEntryEntity,
      | 'actorOperatorId'
      | 'actorLabel'
      | 'targetType'
      | 'targetId'
      | 'targetLabel'
      | 'ip'
      | 'details'
    >
  >;

export interface AuditLogFilter {
  accountId: string;
  action?: AuditAction;
  actorId?: string;
  from?: string;
  to?: string;
}

/** The append-only audit log: entries are only ever inserted and read. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(em: EntityManager, entry: NewAuditLogEntry): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntryEntity)
      // `details` is free-form JSON, which TypeORM's deep-partial type cannot follow.
      .values({
        ...entry,
        details: entry.details ?? {},
      } as QueryDeepPartialEntity<AuditLogEntryEntity>)
      .updateEntity(false)
      .execute();
  }

  /** One keyset page, newest first; one row more than asked says "more". */
  listPage(filter: AuditLogFilter, after: Keyset | null, limit: number) {
    const q = this.ds
      .createQueryBuilder(AuditLogEntryEntity, 'a')
      .select('a')
      .addSelect(microsUtc('a.created_at'), 'created_key')
      .where('a.account_id = :accountId', { accountId: filter.accountId });
    if (filter.action) q.andWhere('a.action = :action', { action: filter.action });
    if (filter.actorId && isUuid(filter.actorId))
      q.andWhere('a.actor_operator_id = :actorId', { actorId: filter.actorId });
    if (filter.from) q.andWhere('a.created_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('a.created_at < :to', { to: filter.to });
    if (after) {
      q.andWhere('(a.created_at, a.id) < (:at::timestamptz, :afterId::uuid)', {
        at: after.at,
        afterId: after.id,
      });
    }
    return q
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((entry, i) => ({
          entry,
          createdKey: (raw[i] as { created_key: string }).created_key,
        })),
      );
  }
}
