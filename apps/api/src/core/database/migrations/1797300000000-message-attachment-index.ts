import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which messages carry a file (`attachments @> '[{"id": …}]'`): a file download by an agent checks
 * that one of them is in an inbox the agent may see.
 */
export class MessageAttachmentIndex1797300000000 implements MigrationInterface {
  name = 'MessageAttachmentIndex1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX messages_attachments_idx ON messages USING gin (attachments jsonb_path_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_attachments_idx`);
  }
}
