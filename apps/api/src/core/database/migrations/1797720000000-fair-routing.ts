import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fair routing: each team's routing setting (its row is the team's routing lock), each member's
 * maximum and last turn, the teams' queues in arrival order, and which API instance holds how many
 * sockets of which operator (refreshed every 10 s, stale after 30 s).
 */
export class FairRouting1797720000000 implements MigrationInterface {
  name = 'FairRouting1797720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team_routing (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        team_id uuid PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
        round_robin boolean NOT NULL DEFAULT false,
        max_open_per_operator integer NOT NULL DEFAULT 10,
        hand_back_on_away boolean NOT NULL DEFAULT false,
        seq bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT team_routing_max_open_per_operator_check CHECK (max_open_per_operator BETWEEN 1 AND 500)
      );

      CREATE TABLE team_routing_members (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        max_open integer,
        last_turn bigint,
        PRIMARY KEY (team_id, operator_id),
        CONSTRAINT team_routing_members_max_open_check CHECK (max_open IS NULL OR max_open BETWEEN 1 AND 500)
      );
      CREATE INDEX team_routing_members_operator_id_idx ON team_routing_members (operator_id);

      CREATE TABLE routing_queue (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        routed_by jsonb,
        enqueued_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX routing_queue_team_idx ON routing_queue (team_id, seq);

      CREATE TABLE operator_connections (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        instance_id uuid NOT NULL,
        operator_id uuid NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
        connected integer NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (instance_id, operator_id),
        CONSTRAINT operator_connections_connected_check CHECK (connected > 0)
      );
      CREATE INDEX operator_connections_operator_id_idx ON operator_connections (operator_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS operator_connections;
      DROP TABLE IF EXISTS routing_queue;
      DROP TABLE IF EXISTS team_routing_members;
      DROP TABLE IF EXISTS team_routing;
    `);
  }
}
