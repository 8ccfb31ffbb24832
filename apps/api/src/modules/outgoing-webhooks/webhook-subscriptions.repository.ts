import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';

export type NewWebhookSubscription = Pick<
  WebhookSubscriptionEntity,
  'accountId' | 'url' | 'description' | 'eventTypes' | 'enabled' | 'includeNotes' | 'secretSealed'
>;

export type WebhookSubscriptionChanges = Partial<
  Pick<
    WebhookSubscriptionEntity,
    | 'url'
    | 'description'
    | 'eventTypes'
    | 'enabled'
    | 'includeNotes'
    | 'secretSealed'
    | 'disabledReason'
  >
>;

@Injectable()
export class WebhookSubscriptionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  listByAccount(accountId: string): Promise<WebhookSubscriptionEntity[]> {
    return this.ds
      .getRepository(WebhookSubscriptionEntity)
      .find({ where: { accountId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The account's enabled subscriptions: the ones a stream event can go to. */
  listEnabled(em: EntityManager, accountId: string): Promise<WebhookSubscriptionEntity[]> {
    return em.getRepository(WebhookSubscriptionEntity).findBy({ accountId, enabled: true });
  }

  /** Whether the account has an enabled subscription (the consumer's idle check). */
  hasEnabled(em: EntityManager, accountId: string): Promise<boolean> {
    return em
      .getRepository(WebhookSubscriptionEntity)
      .exists({ where: { accountId, enabled: true } });
  }

  findInAccount(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<WebhookSubscriptionEntity | null> {
    return em.getRepository(WebhookSubscriptionEntity).findOneBy({ id, accountId });
  }

  /** Locks the row for a change, so concurrent edits and a 410 disabling it serialise. */
  lockInAccount(
    em: EntityManager,
    accountId: string,
    id: string,
  ): Promise<WebhookSubscriptionEntity | null> {
    return em
      .createQueryBuilder(WebhookSubscriptionEntity, 's')
      .where('s.id = :id AND s.account_id = :accountId', { id, accountId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(em: EntityManager, row: NewWebhookSubscription): Promise<WebhookSubscriptionEntity> {
    const saved = await em.getRepository(WebhookSubscriptionEntity).save({ ...row });
    return em.getRepository(WebhookSubscriptionEntity).findOneByOrFail({ id: saved.id });
  }

  async update(
    em: EntityManager,
    id: string,
    changes: WebhookSubscriptionChanges,
  ): Promise<WebhookSubscriptionEntity> {
    await em.getRepository(WebhookSubscriptionEntity).update({ id }, changes);
    return em.getRepository(WebhookSubscriptionEntity).findOneByOrFail({ id });
  }

  /** Turned off by the server (410 Gone), unless an admin already changed it meanwhile. */
  async disable(em: EntityManager, id: string, reason: string): Promise<void> {
    await em
      .getRepository(WebhookSubscriptionEntity)
      .update({ id, enabled: true }, { enabled: false, disabledReason: reason });
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.getRepository(WebhookSubscriptionEntity).delete({ id });
  }
}
