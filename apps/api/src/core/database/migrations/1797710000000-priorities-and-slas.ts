import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Priorities, business hours and SLA policies: the conversation's priority (and the feed's index
 * for "most urgent first"), the inbox's weekly schedule, policies per inbox and priority, each
 * conversation's running SLA targets (polled by `check_at`), and both in the feed row.
 */
export class PrioritiesAndSlas1797710000000 implements MigrationInterface {
  name = 'PrioritiesAndSlas1797710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversations
        ADD COLUMN priority text NOT NULL DEFAULT 'normal',
        ADD COLUMN sla_first_response_due_at timestamptz,
        ADD COLUMN sla_next_response_due_at timestamptz,
        ADD COLUMN sla_resolution_due_at timestamptz,
        ADD CONSTRAINT conversations_priority_check
          CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
      CREATE INDEX conversations_priority_feed_idx ON conversations (account_id, status,
        (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END) DESC,
        last_activity_at DESC, id DESC);
      ALTER TABLE inboxes ADD COLUMN business_hours jsonb;

      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        inbox_id uuid NOT NULL REFERENCES inboxes(id) ON DELETE CASCADE,
        priority text,
        first_response_minutes integer,
        next_response_minutes integer,
        resolution_minutes integer,
        warning_percent integer,
        warning_minutes_before integer,
        count_snoozed boolean NOT NULL DEFAULT true,
        business_hours boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_policies_priority_check
          CHECK (priority IS NULL OR priority IN ('low', 'normal', 'high', 'urgent')),
        CONSTRAINT sla_policies_target_check CHECK (COALESCE(first_response_minutes,
          next_response_minutes, resolution_minutes) IS NOT NULL),
        CONSTRAINT sla_policies_minutes_check CHECK ((first_response_minutes > 0
          AND next_response_minutes > 0 AND resolution_minutes > 0 AND warning_minutes_before > 0
          AND warning_percent BETWEEN 1 AND 99) IS NOT FALSE)
      );
      CREATE UNIQUE INDEX sla_policies_inbox_priority_key ON sla_policies
        (inbox_id, COALESCE(priority, '*'));

      CREATE TABLE sla_targets (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        target text NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        policy_id uuid REFERENCES sla_policies(id) ON DELETE SET NULL,
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        warn_at timestamptz,
        state text NOT NULL DEFAULT 'running',
        check_at timestamptz,
        paused_at timestamptz,
        paused_minutes double precision NOT NULL DEFAULT '0',
        completed_at timestamptz,
        CONSTRAINT sla_targets_pkey PRIMARY KEY (conversation_id, target),
        CONSTRAINT sla_targets_target_check
          CHECK (target IN ('first_response', 'next_response', 'resolution')),
        CONSTRAINT sla_targets_state_check CHECK (state IN ('running', 'warning', 'breached'))
      );
      CREATE INDEX sla_targets_check_idx ON sla_targets (check_at) WHERE check_at IS NOT NULL;
      CREATE INDEX sla_targets_policy_idx ON sla_targets (policy_id) WHERE policy_id IS NOT NULL;
    `);
    await q.query(SLA_FUNCTION);
    await q.query(SUMMARY_WITH_PRIORITY_AND_SLA);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(SUMMARY_BEFORE);
    await q.query(`
      DROP FUNCTION sb_conversation_sla(uuid);
      DROP TABLE sla_targets;
      DROP TABLE sla_policies;
      ALTER TABLE inboxes DROP COLUMN business_hours;
      DROP INDEX conversations_priority_feed_idx;
      ALTER TABLE conversations DROP CONSTRAINT conversations_priority_check,
        DROP COLUMN priority, DROP COLUMN sla_first_response_due_at,
        DROP COLUMN sla_next_response_due_at, DROP COLUMN sla_resolution_due_at;
    `);
  }
}

/** The feed row's `sla`: the nearest target that has not been met, or null. */
const SLA_FUNCTION = `
  CREATE FUNCTION sb_conversation_sla(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('target', t.target, 'dueAt', sb_iso(t.due_at), 'state', t.state)
           || CASE WHEN t.paused_at IS NOT NULL THEN '{"paused": true}'::jsonb ELSE '{}'::jsonb END
      FROM sla_targets t
     WHERE t.conversation_id = conv AND t.completed_at IS NULL
     ORDER BY t.due_at
     LIMIT 1
  $$;
`;

const SUMMARY_BODY = (extra: string) => `
  CREATE OR REPLACE FUNCTION sb_conversation_summary(conv uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
      'id', c.id, 'number', c.number, 'inboxId', c.inbox_id, 'channel', i.kind, 'status', c.status,
      'snoozedUntil', sb_iso(c.snoozed_until), 'assigneeId', c.assignee_id,
      'assigneeTeamId', c.assignee_team_id, 'subject', c.subject,
      'contact', jsonb_build_object('id', ct.id, 'name', ct.name,
                                    'handle', COALESCE(ct.email, ct.phone, '@' || ci.username,
                                                       ci.display_name, ci.external_id)),
      'lastActivityAt', sb_iso(c.last_activity_at), 'lastMessagePreview', c.last_message_preview,
      'lastMessageDirection', c.last_message_direction, 'unreadCount', c.unread_count,
      'createdAt', sb_iso(c.created_at),
      'tags', sb_conversation_tags(c.id),
      'unreachableReason', ci.unreachable_reason,
      'replyWindowClosesAt', sb_iso(c.last_incoming_at + make_interval(hours => i.reply_window_hours))${extra})
      FROM conversations c
      JOIN inboxes i ON i.id = c.inbox_id
      JOIN contacts ct ON ct.id = c.contact_id
      JOIN contact_identities ci ON ci.id = c.identity_id
     WHERE c.id = conv
  $$;
`;

/** sb_conversation_summary as of 1797500000000, with the priority and the nearest SLA target. */
const SUMMARY_WITH_PRIORITY_AND_SLA = SUMMARY_BODY(`,
      'priority', c.priority, 'sla', sb_conversation_sla(c.id)`);

/** sb_conversation_summary as 1797500000000 left it. */
const SUMMARY_BEFORE = SUMMARY_BODY('');
