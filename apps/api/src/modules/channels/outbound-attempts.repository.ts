import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  OutboundAttemptEntity,
  type OutboundAttemptOutcome,
} from './entities/outbound-attempt.entity';

/** The unfinished attempt of a message, with its lease read on the database clock. */
export interface RunningAttempt {
  id: string;
  number: number;
  lease_expires_at: Date;
  lease_expired: boolean;
}

/** Outbound attempts: claimed before the channel is called, finished once it has answered. */
@Injectable()
export class OutboundAttemptsRepository {
  findRunning(em: EntityManager, messageId: string): Promise<RunningAttempt | undefined> {
    return em
      .createQueryBuilder(OutboundAttemptEntity, 'a')
      .select('a.id', 'id')
      .addSelect('a.number', 'number')
      .addSelect('a.lease_expires_at', 'lease_expires_at')
      .addSelect('a.lease_expires_at <= now()', 'lease_expired')
      .where('a.message_id = :messageId AND a.finished_at IS NULL', { messageId })
      .getRawOne<RunningAttempt>();
  }

  /** The highest attempt number of the message, 0 before its first. */
  async lastNumber(em: EntityManager, messageId: string): Promise<number> {
    const row = await em
      .createQueryBuilder(OutboundAttemptEntity, 'a')
      .select('max(a.number)', 'n')
      .where('a.message_id = :messageId', { messageId })
      .getRawOne<{ n: number | null }>();
    return Number(row?.n ?? 0);
  }

  /** Starts attempt `number`; its lease runs out `leaseMs` from now (database clock). */
  async start(
    em: EntityManager,
    attempt: {
      accountId: string;
      messageId: string;
      number: number;
      deliberate: boolean;
      worker: string;
      leaseMs: number;
    },
  ): Promise<{ id: string; leaseExpiresAt: Date }> {
    const { leaseMs, ...values } = attempt;
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(OutboundAttemptEntity)
      .values({
        ...values,
        leaseExpiresAt: () =>
          `clock_timestamp() + make_interval(secs => ${Math.ceil(leaseMs) / 1000})`,
      })
      .returning('id, lease_expires_at')
      .updateEntity(false)
      .execute();
    const [row] = result.raw as Array<{ id: string; lease_expires_at: Date }>;
    if (!row) throw new Error(`Attempt ${attempt.number} of ${attempt.messageId} was not stored`);
    return { id: row.id, leaseExpiresAt: row.lease_expires_at };
  }

  /** Ends a running attempt; false if it had already ended (its lease ran out and it was settled). */
  async finish(
    em: EntityManager,
    id: string,
    outcome: OutboundAttemptOutcome,
    detail: string | null,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(OutboundAttemptEntity)
      .set({ outcome, detail, finishedAt: () => 'clock_timestamp()' })
      .where('id = :id AND finished_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * A definite answer that came after the attempt was given up as uncertain replaces that outcome,
   * provided it is still the message's latest attempt.
   */
  async revise(
    em: EntityManager,
    id: string,
    messageId: string,
    outcome: 'sent' | 'failed',
    detail: string,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(OutboundAttemptEntity)
      .set({ outcome, detail })
      .where(`id = :id AND outcome = 'uncertain'`, { id })
      .andWhere(
        'number = (SELECT max(b.number) FROM outbound_attempts b WHERE b.message_id = :messageId)',
        { messageId },
      )
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Every attempt of a message, oldest first (for tests and support). */
  listForMessage(em: EntityManager, messageId: string) {
    return em
      .getRepository(OutboundAttemptEntity)
      .find({ where: { messageId }, order: { number: 'ASC' } });
  }
}
