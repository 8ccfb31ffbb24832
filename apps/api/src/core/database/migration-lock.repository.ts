import type { QueryRunner } from 'typeorm';

/** Arbitrary constant: one lock id for "migrations are running" across every instance. */
const MIGRATION_LOCK_ID = 7_142_001;

/** The lock that lets only one instance migrate at a time, held on the runner's own connection. */
export class MigrationLockRepository {
  constructor(private readonly runner: QueryRunner) {}

  async acquire(): Promise<void> {
    // raw SQL: a session advisory lock, which TypeORM has no API for.
    await this.runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
  }

  async release(): Promise<void> {
    // raw SQL: releases the session advisory lock taken by acquire().
    await this.runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
  }
}
