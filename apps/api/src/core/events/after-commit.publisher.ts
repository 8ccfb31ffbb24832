import type {
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { PENDING_ACCOUNTS_KEY } from './event-log.service';

type RunnerData = { [PENDING_ACCOUNTS_KEY]?: Set<string> };

/**
 * A TypeORM subscriber that asks for a transaction's events to be sequenced once it has committed,
 * and forgets them if it rolled back (the rows are gone with it).
 */
export class AfterCommitPublisher implements EntitySubscriberInterface {
  constructor(private readonly committed: (accountId: string) => void) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as RunnerData;
    const accounts = data[PENDING_ACCOUNTS_KEY];
    data[PENDING_ACCOUNTS_KEY] = undefined;
    for (const accountId of accounts ?? []) this.committed(accountId);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    (event.queryRunner.data as RunnerData)[PENDING_ACCOUNTS_KEY] = undefined;
  }
}
