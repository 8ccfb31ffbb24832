import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teams (a name and operators) and the teams that may work an inbox, next to the operators who
 * may (`inbox_members`, from the initial schema). Access is enforced by InboxAccessRepository.
 */
export class TeamsAndInboxAccess1797000000000 implements MigrationInterface {
  name = 'TeamsAndInboxAccess1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, name)
      );

      CREATE TABLE team_members (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, operator_id)
      );
      CREATE INDEX team_members_operator_id_idx ON team_members (operator_id);

      CREATE TABLE inbox_teams (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        PRIMARY KEY (inbox_id, team_id)
      );
      CREATE INDEX inbox_teams_team_id_idx ON inbox_teams (team_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS inbox_teams;
      DROP TABLE IF EXISTS team_members;
      DROP TABLE IF EXISTS teams;
    `);
  }
}
