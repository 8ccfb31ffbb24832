import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merging contacts: a retired contact points at the one it was merged into (`merged_into_id`,
 * kept for undo and hidden from lists); `contact_merges` records each merge with a snapshot of
 * everything it moved and changed, so an admin can undo it exactly.
 *
 * Suggestions look contacts up by phone number whatever its spelling: `sb_phone_key` is the
 * number's digits without a leading international "00" (`+44 20 7946 0958`,
 * `0044 (20) 7946-0958` and `442079460958` are all `442079460958`; the server computes the same
 * key in `phoneMatchKey`), indexed per account. A widget visitor's typed address is looked up by
 * the new indexes on `webchat_visitors`, so the operator is offered that match but nothing joins.
 */
export class ContactMerges1797610000000 implements MigrationInterface {
  name = 'ContactMerges1797610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contacts
        ADD COLUMN merged_into_id uuid REFERENCES contacts(id) ON DELETE SET NULL;

      CREATE FUNCTION sb_phone_key(phone text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $fn$ SELECT NULLIF(regexp_replace(regexp_replace(phone, '[^0-9]', '', 'g'), '^00', ''), '') $fn$;

      CREATE INDEX contacts_phone_key_idx ON contacts (account_id, sb_phone_key(phone))
        WHERE phone IS NOT NULL AND merged_into_id IS NULL;

      CREATE INDEX webchat_visitors_email_idx ON webchat_visitors (email) WHERE email IS NOT NULL;
      CREATE INDEX webchat_visitors_pending_email_idx ON webchat_visitors (pending_email)
        WHERE pending_email IS NOT NULL;

      CREATE TABLE contact_merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        survivor_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        other_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        merged_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        identity_count integer NOT NULL,
        conversation_count integer NOT NULL,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        undone_at timestamptz,
        undone_by_id uuid REFERENCES operators(id) ON DELETE SET NULL,
        CONSTRAINT contact_merges_distinct_check CHECK (survivor_id <> other_id)
      );
      CREATE INDEX contact_merges_survivor_idx ON contact_merges (survivor_id, created_at);
      CREATE INDEX contact_merges_other_idx ON contact_merges (other_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE contact_merges;
      DROP INDEX webchat_visitors_pending_email_idx;
      DROP INDEX webchat_visitors_email_idx;
      DROP INDEX contacts_phone_key_idx;
      DROP FUNCTION sb_phone_key(text);
      ALTER TABLE contacts DROP COLUMN merged_into_id;
    `);
  }
}
