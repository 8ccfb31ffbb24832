import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer card: notes and custom attribute values on the contact, the account's attribute
 * definitions, and the indexes of the Contacts screen (newest first, search by part of a name,
 * email or phone digits) and of the feed's attribute filter (jsonb containment).
 */
export class CustomerCard1797600000000 implements MigrationInterface {
  name = 'CustomerCard1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      ALTER TABLE contacts
        ADD COLUMN notes text,
        ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}';
      CREATE INDEX contacts_attributes_idx ON contacts USING gin (attributes jsonb_path_ops);
      CREATE INDEX contacts_search_idx ON contacts USING gin (
        (lower(COALESCE(name, '') || ' ' || COALESCE(email, '') || ' ' || COALESCE(phone, ''))) gin_trgm_ops);
      CREATE INDEX contacts_account_created_idx ON contacts (account_id, created_at DESC, id DESC);

      CREATE TABLE contact_attributes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        key text NOT NULL,
        label text NOT NULL,
        type text NOT NULL,
        options jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contact_attributes_type_check CHECK (type IN ('text', 'number', 'date', 'boolean', 'list')),
        CONSTRAINT contact_attributes_account_id_key_key UNIQUE (account_id, key)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS contact_attributes;
      DROP INDEX IF EXISTS contacts_account_created_idx;
      DROP INDEX IF EXISTS contacts_search_idx;
      DROP INDEX IF EXISTS contacts_attributes_idx;
      ALTER TABLE contacts DROP COLUMN IF EXISTS attributes, DROP COLUMN IF EXISTS notes;
    `);
  }
}
