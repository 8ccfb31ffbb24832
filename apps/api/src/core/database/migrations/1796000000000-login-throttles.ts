import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling: failures per account and per IP with the time until which further attempts
 * are refused, shared by every instance.
 */
export class LoginThrottles1796000000000 implements MigrationInterface {
  name = 'LoginThrottles1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttles (
        scope text NOT NULL CONSTRAINT login_throttles_scope_check CHECK (scope IN ('account', 'ip')),
        subject text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz,
        CONSTRAINT login_throttles_pkey PRIMARY KEY (scope, subject)
      );
      CREATE INDEX login_throttles_last_failure_at_idx ON login_throttles (last_failure_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS login_throttles;`);
  }
}
