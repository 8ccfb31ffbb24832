import type { StreamEvent } from '@switchboard/contracts';
import type {
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import {
  NUMBERED_EVENTS_KEY,
  PENDING_ACCOUNTS_KEY,
  type RunnerEventData,
} from './event-log.service';

/**
 * A TypeORM subscriber that, once a transaction has committed, publishes the events it stored
 * numbered and asks for the others to be sequenced; if it rolled back, it forgets both (the rows
 * are gone with it).
 */
export class AfterCommitPublisher implements EntitySubscriberInterface {
  constructor(
    private readonly committed: (accountId: string) => void,
    private readonly published: (accountId: string, events: StreamEvent[]) => void,
  ) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerEventData;
    const numbered = data[NUMBERED_EVENTS_KEY];
    const accounts = data[PENDING_ACCOUNTS_KEY];
    data[NUMBERED_EVENTS_KEY] = undefined;
    data[PENDING_ACCOUNTS_KEY] = undefined;
    for (const [accountId, events] of numbered ?? []) this.published(accountId, events);
    for (const accountId of accounts ?? []) this.committed(accountId);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const data = event.queryRunner.data as RunnerEventData;
    data[NUMBERED_EVENTS_KEY] = undefined;
    data[PENDING_ACCOUNTS_KEY] = undefined;
  }
}
