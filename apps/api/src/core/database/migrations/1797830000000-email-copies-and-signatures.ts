import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email replies like a mail client's: each email message keeps who else it went to (a customer's
 * To and Cc, a reply's Cc and Bcc), from which the conversation's "Reply all" list is read; a GIN
 * index finds the conversations an address was copied on (a Cc'd person answering without
 * threading headers). Each operator has an email signature of their own.
 */
export class EmailCopiesAndSignatures1797830000000 implements MigrationInterface {
  name = 'EmailCopiesAndSignatures1797830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages ADD COLUMN email_recipients jsonb;
      CREATE INDEX messages_email_recipients_idx ON messages
        USING gin (email_recipients jsonb_path_ops) WHERE email_recipients IS NOT NULL;
      ALTER TABLE operators ADD COLUMN email_signature text NOT NULL DEFAULT '';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE operators DROP COLUMN email_signature;
      DROP INDEX messages_email_recipients_idx;
      ALTER TABLE messages DROP COLUMN email_recipients;
    `);
  }
}
