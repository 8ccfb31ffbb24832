import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../accounts/entities/account.entity';

/** The advisory lock key that first start holds while it checks for and creates the first account. */
const FIRST_START_LOCK = 7_142_002;

/** What first start asks of the database, inside its own transaction. */
@Injectable()
export class FirstStartRepository {
  /** Held until the transaction ends, so instances starting together set up the database once. */
  async lock(em: EntityManager): Promise<void> {
    // raw SQL: a transaction-scoped advisory lock; TypeORM has no API for advisory locks.
    await em.query('SELECT pg_advisory_xact_lock($1)', [FIRST_START_LOCK]);
  }

  /** Whether any account exists yet, i.e. whether this is not an empty database. */
  hasAnyAccount(em: EntityManager): Promise<boolean> {
    return em.getRepository(AccountEntity).exists();
  }
}
