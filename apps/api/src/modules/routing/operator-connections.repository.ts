import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DueSnoozeWatch } from '../conversations/due-snooze-watch.repository';
import { ConversationEntity } from '../conversations/entities/conversation.entity';
import { OperatorEntity } from '../operators/entities/operator.entity';
import { OperatorConnectionEntity } from './entities/operator-connection.entity';

/** A row older than this belongs to an instance that stopped refreshing it (died). */
export const CONNECTION_STALE_SECONDS = 30;

/**
 * An operator (alias `o`) is available when their presence is online and some live instance
 * holds one of their sockets.
 */
export const availableClause = (alias: string) =>
  `(${alias}.presence = 'online' AND ${connectedClause(alias)})`;

const connectedClause = (alias: string) =>
  `EXISTS (SELECT 1 FROM operator_connections oc WHERE oc.operator_id = ${alias}.id
     AND oc.seen_at > now() - interval '${CONNECTION_STALE_SECONDS} seconds')`;

export interface OperatorLoadRow {
  operatorId: string;
  name: string;
  presence: 'online' | 'away';
  connected: boolean;
  available: boolean;
  openAssigned: number;
}

/** Who is connected where (per instance), and who is available with what load. */
@Injectable()
export class OperatorConnectionsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dueSnoozes: DueSnoozeWatch,
  ) {}

  /** This instance holds `connected` sockets of the operator (0 removes the row). */
  async put(instanceId: string, accountId: string, operatorId: string, connected: number) {
    const repo = this.ds.getRepository(OperatorConnectionEntity);
    if (connected <= 0) {
      await repo.delete({ instanceId, operatorId });
      return;
    }
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(OperatorConnectionEntity)
      .values({ instanceId, accountId, operatorId, connected, seenAt: () => 'now()' })
      .orUpdate(['connected', 'seen_at'], ['instance_id', 'operator_id'])
      .updateEntity(false)
      .execute();
  }

  /** Rows of instances that died long ago (they count for nothing already) go. */
  async dropDead(): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .delete()
      .from(OperatorConnectionEntity)
      .where(`seen_at < now() - interval '10 minutes'`)
      .execute();
  }

  async removeInstance(instanceId: string): Promise<void> {
    await this.ds.getRepository(OperatorConnectionEntity).delete({ instanceId });
  }

  /** Whether the operator counts as available right now. */
  isAvailable(em: EntityManager, operatorId: string): Promise<boolean> {
    return em
      .createQueryBuilder(OperatorEntity, 'o')
      .where('o.id = :operatorId AND o.deactivated_at IS NULL', { operatorId })
      .andWhere(availableClause('o'))
      .getExists();
  }

  /**
   * Locks these operators' rows (FOR NO KEY UPDATE, in id order) until the transaction ends, so
   * routing passes of two teams sharing a member count that member's load one after the other and
   * never both give the last free place. Foreign-key checks (KEY SHARE) are not blocked by it.
   */
  async lockForRouting(em: EntityManager, operatorIds: string[]): Promise<void> {
    if (operatorIds.length === 0) return;
    await em
      .getRepository(OperatorEntity)
      .createQueryBuilder('o')
      .select('o.id')
      .where('o.id IN (:...operatorIds)', { operatorIds })
      .orderBy('o.id')
      .setLock('for_no_key_update')
      .getMany();
  }

  /** Which of these operators are available. */
  async availableAmong(em: EntityManager, operatorIds: string[]): Promise<Set<string>> {
    if (operatorIds.length === 0) return new Set();
    const rows = await em
      .createQueryBuilder(OperatorEntity, 'o')
      .select('o.id', 'id')
      .where('o.id = ANY(:operatorIds)', { operatorIds })
      .andWhere(availableClause('o'))
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Open conversations assigned to each of these operators (0 for none), due snoozes not yet
   * written included (DueSnoozeWatch): a storm's wake-ups count against the limit from their time.
   */
  async openAssigned(em: EntityManager, operatorIds: string[]): Promise<Map<string, number>> {
    const counts = new Map(operatorIds.map((id) => [id, 0]));
    if (operatorIds.length === 0) return counts;
    const [rows, due] = await Promise.all([
      em
        .createQueryBuilder(ConversationEntity, 'c')
        .select('c.assignee_id', 'id')
        .addSelect('count(*)::int', 'n')
        .where(`c.assignee_id = ANY(:operatorIds) AND c.status = 'open'`, { operatorIds })
        .groupBy('c.assignee_id')
        .getRawMany<{ id: string; n: number }>(),
      this.dueSnoozes.dueByAssignee(em, { operatorIds }),
    ]);
    for (const r of rows) counts.set(r.id, r.n);
    for (const [id, n] of due) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + n);
    return counts;
  }

  /** Every active operator of the account: presence, connection, availability and load. */
  async loads(accountId: string): Promise<OperatorLoadRow[]> {
    const [rows, due] = await Promise.all([
      this.storedLoads(accountId),
      this.dueSnoozes.dueByAssignee(this.ds.manager, { accountId }),
    ]);
    return rows.map((r) => ({ ...r, openAssigned: r.openAssigned + (due.get(r.operatorId) ?? 0) }));
  }

  private storedLoads(accountId: string): Promise<OperatorLoadRow[]> {
    return this.ds
      .createQueryBuilder(OperatorEntity, 'o')
      .select('o.id', 'operatorId')
      .addSelect('o.name', 'name')
      .addSelect('o.presence', 'presence')
      .addSelect(connectedClause('o'), 'connected')
      .addSelect(availableClause('o'), 'available')
      .addSelect(
        (q) =>
          q
            .select('count(*)::int')
            .from(ConversationEntity, 'c')
            .where(`c.assignee_id = o.id AND c.status = 'open'`),
        'openAssigned',
      )
      .where('o.account_id = :accountId AND o.deactivated_at IS NULL', { accountId })
      .orderBy('o.name')
      .getRawMany<OperatorLoadRow>();
  }
}
