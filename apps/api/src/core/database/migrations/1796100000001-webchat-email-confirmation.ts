import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A follow-up address is used only after its owner opened the confirmation link. Addresses left
 * before this change were never confirmed: they become pending, so nothing more is mailed to them
 * until the visitor confirms.
 */
export class WebchatEmailConfirmation1796100000001 implements MigrationInterface {
  name = 'WebchatEmailConfirmation1796100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webchat_visitors
        ADD COLUMN email_confirmed_at timestamptz,
        ADD COLUMN pending_email text,
        ADD COLUMN confirmation_sent_at timestamptz;
      UPDATE webchat_visitors SET pending_email = email, email = NULL WHERE email IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE webchat_visitors SET email = COALESCE(email, pending_email);
      ALTER TABLE webchat_visitors
        DROP COLUMN confirmation_sent_at,
        DROP COLUMN pending_email,
        DROP COLUMN email_confirmed_at;
    `);
  }
}
