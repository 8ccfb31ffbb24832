import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { InboxEntity } from '../../inboxes/entities/inbox.entity';

/**
 * Where an OAuth inbox's tokens are renewed: one refresh per inbox at a time across all instances,
 * and stored without touching `updated_at`, which tells the mailbox sync its settings changed
 * (a new access token is no reason to reconnect).
 */
@Injectable()
export class EmailOAuthTokensRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Runs `work` holding the inbox's refresh lock, with the inbox as stored now: whoever waited for
   * the lock sees the token the previous holder stored. The lock ends with the transaction.
   */
  withRefreshLock<T>(
    inboxId: string,
    work: (em: EntityManager, inbox: InboxEntity | null) => Promise<T>,
  ): Promise<T> {
    return this.ds.transaction(async (em) => {
      // raw SQL: a transaction-scoped advisory lock (pg_advisory_xact_lock), no table to lock.
      await em.query(
        `SELECT pg_advisory_xact_lock(hashtext('switchboard:email-oauth-refresh'), hashtext($1))`,
        [inboxId],
      );
      return work(em, await em.getRepository(InboxEntity).findOneBy({ id: inboxId }));
    });
  }

  async storeSecrets(em: EntityManager, inboxId: string, secretsEncrypted: string): Promise<void> {
    await em
      .createQueryBuilder()
      .update(InboxEntity)
      .set({ secretsEncrypted, updatedAt: () => 'updated_at' })
      .where('id = :inboxId', { inboxId })
      .execute();
  }

  /**
   * The inbox needs reconnecting: shown in its settings. `updated_at` stays, so the mailbox sync
   * that found out stays parked instead of being restarted to find out again.
   */
  async markReconnectRequired(inboxId: string, reason: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .update(InboxEntity)
      .set({
        connectionError: reason,
        connectionErrorAt: () => 'now()',
        updatedAt: () => 'updated_at',
      })
      .where('id = :inboxId', { inboxId })
      .andWhere('connection_error IS DISTINCT FROM :reason', { reason })
      .execute();
  }
}
