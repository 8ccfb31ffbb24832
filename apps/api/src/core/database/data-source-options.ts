import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** TypeORM options shared by the app, the migration runner and the tests. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // Hot paths use explicit SQL through the EntityManager; the schema is owned by migrations.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // A bounded wait for a pooled connection turns any pool exhaustion into an error, never a hang.
    extra: { max: poolSize, application_name: 'switchboard', connectionTimeoutMillis: 10_000 },
  };
}
