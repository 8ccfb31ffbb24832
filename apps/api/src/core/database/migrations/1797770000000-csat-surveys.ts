import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys: per-inbox settings, one survey per conversation (scheduled at close,
 * claimed when due with SKIP LOCKED from `csat_surveys_due_idx`) and one answer per survey.
 */
export class CsatSurveys1797770000000 implements MigrationInterface {
  name = 'CsatSurveys1797770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE csat_settings (
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        enabled boolean NOT NULL DEFAULT false,
        delay_minutes integer NOT NULL DEFAULT 0,
        question text NOT NULL,
        scale text NOT NULL DEFAULT 'csat',
        comment_enabled boolean NOT NULL DEFAULT true,
        quiet_days integer NOT NULL DEFAULT 30,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT csat_settings_pkey PRIMARY KEY (inbox_id),
        CONSTRAINT csat_settings_scale_check CHECK (scale IN ('csat', 'nps')),
        CONSTRAINT csat_settings_range_check
          CHECK (delay_minutes BETWEEN 0 AND 1440 AND quiet_days BETWEEN 0 AND 365)
      );

      CREATE TABLE csat_surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'scheduled',
        scale text NOT NULL DEFAULT 'csat',
        question text NOT NULL DEFAULT '',
        comment_enabled boolean NOT NULL DEFAULT true,
        closed_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        sent_at timestamptz,
        skip_reason text,
        message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        buttons jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT csat_surveys_state_check
          CHECK (state IN ('scheduled', 'sent', 'skipped', 'answered')),
        CONSTRAINT csat_surveys_scale_check CHECK (scale IN ('csat', 'nps'))
      );
      CREATE UNIQUE INDEX csat_surveys_conversation_key ON csat_surveys (conversation_id);
      CREATE INDEX csat_surveys_due_idx ON csat_surveys (due_at) WHERE state = 'scheduled';
      CREATE INDEX csat_surveys_contact_sent_idx ON csat_surveys (contact_id, sent_at)
        WHERE sent_at IS NOT NULL;
      CREATE INDEX csat_surveys_message_idx ON csat_surveys (message_id)
        WHERE message_id IS NOT NULL;

      CREATE TABLE csat_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        survey_id uuid NOT NULL REFERENCES csat_surveys(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        scale text NOT NULL,
        rating integer NOT NULL,
        comment text,
        answered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT csat_responses_scale_check CHECK (scale IN ('csat', 'nps')),
        CONSTRAINT csat_responses_rating_check CHECK (rating BETWEEN 0 AND 10)
      );
      CREATE UNIQUE INDEX csat_responses_survey_key ON csat_responses (survey_id);
      CREATE INDEX csat_responses_account_answered_idx ON csat_responses (account_id, answered_at);
      CREATE INDEX csat_responses_conversation_idx ON csat_responses (conversation_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS csat_responses;
      DROP TABLE IF EXISTS csat_surveys;
      DROP TABLE IF EXISTS csat_settings;
    `);
  }
}
