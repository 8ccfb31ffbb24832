import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks made from a message or a conversation, linked to one or more conversations. The reminder
 * polls `tasks_reminder_due_idx` (open, not yet reminded) and claims rows with SKIP LOCKED, like
 * the snooze sweeper, so each task's due reminder fires once across instances and after downtime.
 */
export class Tasks1797630000000 implements MigrationInterface {
  name = 'Tasks1797630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        assignee_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        created_by_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
        source_message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        due_at timestamptz NOT NULL,
        done_at timestamptz,
        reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tasks_reminder_due_idx ON tasks (due_at) WHERE reminded_at IS NULL AND done_at IS NULL;
      CREATE INDEX tasks_assignee_open_idx ON tasks (assignee_id, due_at, id) WHERE done_at IS NULL;
      CREATE INDEX tasks_account_open_idx ON tasks (account_id, due_at, id) WHERE done_at IS NULL;
      CREATE INDEX tasks_account_done_idx ON tasks (account_id, done_at, id) WHERE done_at IS NOT NULL;

      CREATE TABLE task_conversations (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, conversation_id)
      );
      CREATE INDEX task_conversations_conversation_id_idx ON task_conversations (conversation_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS task_conversations;
      DROP TABLE IF EXISTS tasks;
    `);
  }
}
