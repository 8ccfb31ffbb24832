import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public help centre's branding per account: a logo (an https address) and a brand colour
 * (#rrggbb). Both optional; the help centre falls back to the account's name and a neutral blue.
 */
export class HelpCentreBranding1797940000000 implements MigrationInterface {
  name = 'HelpCentreBranding1797940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE accounts
        ADD COLUMN help_centre_logo_url text,
        ADD COLUMN help_centre_color text CONSTRAINT accounts_help_centre_color_check
          CHECK (help_centre_color ~ '^#[0-9a-f]{6}$');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE accounts DROP COLUMN help_centre_color, DROP COLUMN help_centre_logo_url;
    `);
  }
}
