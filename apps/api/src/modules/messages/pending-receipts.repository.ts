import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceiptStatus } from './delivery-transition';
import { PendingReceiptEntity } from './entities/pending-receipt.entity';

export interface HeldReceipt {
  status: ReceiptStatus;
  reason: string | null;
}

/** Receipts kept until the message they name has its channel id recorded. */
@Injectable()
export class PendingReceiptsRepository {
  /**
   * Serialises "apply or keep a receipt" with "record the id and apply what was kept" for one
   * channel id of one inbox, until the transaction ends: neither can miss the other.
   */
  async lockChannelId(em: EntityManager, inboxId: string, externalId: string): Promise<void> {
    // raw SQL: a transaction-scoped advisory lock on a key that has no row yet (the message may not
    // carry the id), which the builder cannot express.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `receipt:${inboxId}:${externalId}`,
    ]);
  }

  /** Keeps a receipt; the same one again (a redelivered webhook) changes nothing. */
  async hold(
    em: EntityManager,
    receipt: {
      accountId: string;
      inboxId: string;
      externalId: string;
      status: ReceiptStatus;
      reason: string | null;
      ttlMs: number;
    },
  ): Promise<void> {
    const { ttlMs, ...values } = receipt;
    await em
      .createQueryBuilder()
      .insert()
      .into(PendingReceiptEntity)
      .values({ ...values, expiresAt: () => `now() + make_interval(secs => ${ttlMs / 1000})` })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Removes and returns the unexpired receipts kept for this channel id. */
  async take(em: EntityManager, inboxId: string, externalId: string): Promise<HeldReceipt[]> {
    const result = await em
      .createQueryBuilder()
      .delete()
      .from(PendingReceiptEntity)
      .where('inbox_id = :inboxId AND external_id = :externalId', { inboxId, externalId })
      .returning('status, reason, expires_at > now() AS fresh')
      .execute();
    return (result.raw as Array<HeldReceipt & { fresh: boolean }>)
      .filter((r) => r.fresh)
      .map(({ status, reason }) => ({ status, reason }));
  }

  /** Receipts for ids that never showed up are dropped once expired (the inbox's, on its next one). */
  async deleteExpired(em: EntityManager, inboxId: string): Promise<void> {
    await em
      .createQueryBuilder()
      .delete()
      .from(PendingReceiptEntity)
      .where('inbox_id = :inboxId AND expires_at < now()', { inboxId })
      .execute();
  }
}
