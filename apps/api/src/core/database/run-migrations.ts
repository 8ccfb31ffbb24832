import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MigrationLockRepository } from './migration-lock.repository';

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so several instances starting at once
 * apply each migration exactly once.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(databaseUrl, 2));
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    const lock = new MigrationLockRepository(runner);
    await lock.acquire();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lock.release();
    }
  } finally {
    await runner.release();
    await ds.destroy();
  }
}
