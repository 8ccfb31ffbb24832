import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { microsUtc, type Keyset } from '../conversations/keyset-cursor';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';

export type NewWebhookDelivery = Pick<
  WebhookDeliveryEntity,
  | 'id'
  | 'accountId'
  | 'subscriptionId'
  | 'ruleId'
  | 'ruleName'
  | 'url'
  | 'eventType'
  | 'eventCursor'
  | 'body'
>;

export type DeliveryOutcome = Pick<
  WebhookDeliveryEntity,
  'status' | 'nextAttemptAt' | 'lastStatusCode' | 'lastError' | 'lastDurationMs'
>;

/** Whose log: one subscription's, or the account's rule calls. */
export type DeliveryLogScope = { subscriptionId: string } | { accountId: string; rules: true };

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Inserts deliveries, skipping any (subscription, event) already there; returns the new ids. */
  async insert(em: EntityManager, rows: NewWebhookDelivery[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(WebhookDeliveryEntity)
      // `body` is free-form JSON, which TypeORM's deep-partial type cannot follow.
      .values(rows as QueryDeepPartialEntity<WebhookDeliveryEntity>[])
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (result.raw as Array<{ id: string }>).map((r) => r.id);
  }

  lock(em: EntityManager, id: string): Promise<WebhookDeliveryEntity | null> {
    return em
      .createQueryBuilder(WebhookDeliveryEntity, 'd')
      .where('d.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  lockInAccount(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<WebhookDeliveryEntity | null> {
    return em
      .createQueryBuilder(WebhookDeliveryEntity, 'd')
      .where('d.id = :id AND d.account_id = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Attempt `attempt` is running now, owned until `leaseUntil`, towards `url`. */
  async markSending(
    em: EntityManager,
    id: string,
    attempt: number,
    url: string,
    leaseUntil: Date,
  ): Promise<void> {
    await em.getRepository(WebhookDeliveryEntity).update(
      { id },
      {
        status: 'sending',
        attempts: attempt,
        url,
        leaseUntil,
        nextAttemptAt: null,
        lastAttemptAt: () => 'now()',
      },
    );
  }

  async record(em: EntityManager, id: string, outcome: Partial<DeliveryOutcome>): Promise<void> {
    await em.getRepository(WebhookDeliveryEntity).update({ id }, { ...outcome, leaseUntil: null });
  }

  /** One keyset page of a log, newest first; one row more than asked says "more". */
  async listPage(scope: DeliveryLogScope, after: Keyset | null, limit: number) {
    const q = this.ds
      .createQueryBuilder(WebhookDeliveryEntity, 'd')
      .select('d')
      .addSelect(microsUtc('d.created_at'), 'created_key');
    if ('subscriptionId' in scope)
      q.where('d.subscription_id = :subscriptionId', { subscriptionId: scope.subscriptionId });
    else
      q.where('d.account_id = :accountId AND d.subscription_id IS NULL', {
        accountId: scope.accountId,
      });
    if (after)
      q.andWhere('(d.created_at, d.id) < (:at::timestamptz, :afterId::uuid)', {
        at: after.at,
        afterId: after.id,
      });
    const { entities, raw } = await q
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities();
    return entities.map((delivery, i) => ({
      delivery,
      createdKey: (raw[i] as { created_key: string }).created_key,
    }));
  }

  /** Drops up to `batch` finished deliveries older than the retention; returns how many. */
  async pruneOlderThan(days: number, batch: number): Promise<number> {
    const old = this.ds
      .createQueryBuilder(WebhookDeliveryEntity, 'o')
      .select('o.id')
      .where(`o.created_at < now() - make_interval(days => :days)`)
      .andWhere(`o.status IN ('delivered', 'failed')`)
      .limit(batch);
    const result = await this.ds
      .createQueryBuilder()
      .delete()
      .from(WebhookDeliveryEntity)
      .where(`id IN (${old.getQuery()})`)
      .setParameters({ days })
      .execute();
    return result.affected ?? 0;
  }
}
