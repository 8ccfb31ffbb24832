import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: sign-ins, operator and inbox changes, access changes, exports, merges. Append-only,
 * enforced by the database: a trigger refuses every UPDATE and DELETE of an entry.
 */
export class AuditLog1796300000000 implements MigrationInterface {
  name = 'AuditLog1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        action text NOT NULL,
        actor_operator_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        actor_label text,
        target_type text,
        target_id text,
        target_label text,
        ip inet,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX audit_log_entries_feed_idx ON audit_log_entries (account_id, created_at DESC, id DESC);
      CREATE INDEX audit_log_entries_action_idx ON audit_log_entries (account_id, action, created_at);

      CREATE FUNCTION sb_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- ON DELETE SET NULL of an operator rewrites only the actor reference; everything else is refused.
        IF TG_OP = 'UPDATE' AND NEW.actor_operator_id IS NULL AND OLD.actor_operator_id IS NOT NULL
           AND (NEW.id, NEW.account_id, NEW.action, NEW.actor_label, NEW.target_type, NEW.target_id,
                NEW.target_label, NEW.ip, NEW.details, NEW.created_at)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.account_id, OLD.action, OLD.actor_label, OLD.target_type, OLD.target_id,
                OLD.target_label, OLD.ip, OLD.details, OLD.created_at) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit log entries are append-only' USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_log_entries_append_only
        BEFORE UPDATE OR DELETE ON audit_log_entries
        FOR EACH ROW EXECUTE FUNCTION sb_audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS audit_log_entries;
      DROP FUNCTION IF EXISTS sb_audit_log_append_only();
    `);
  }
}
