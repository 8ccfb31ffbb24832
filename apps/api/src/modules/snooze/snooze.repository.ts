import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';

/** A conversation the sweeper just woke, with who snoozed it (cleared by the wake-up). */
export interface WokenConversation {
  id: string;
  accountId: string;
  inboxId: string;
  assigneeId: string | null;
  snoozedById: string | null;
}

/** The snooze sweeper's claim. */
@Injectable()
export class SnoozeRepository {
  /**
   * Claims up to `limit` due snoozes (oldest first) and opens them, in the caller's transaction.
   * Their activity becomes the moment they came back, where the feed has shown them since then
   * (DUE_SNOOZE_SQL in modules/conversations): the write moves nothing, however late it runs.
   * SKIP LOCKED leaves rows another instance holds to it, and a row it already woke no longer
   * matches, so every conversation wakes exactly once however many sweepers run.
   */
  wakeDue(em: EntityManager, limit: number): Promise<WokenConversation[]> {
    // raw SQL: the claim (FOR UPDATE SKIP LOCKED in a CTE) and the wake-up in one statement, for a
    // whole batch; RETURNING reads who snoozed it from the CTE, before the UPDATE clears it.
    return queryRows<WokenConversation>(
      em,
      `WITH due AS (
         SELECT id, snoozed_by_id FROM conversations
          WHERE status = 'snoozed' AND snoozed_until <= now()
          ORDER BY snoozed_until
          LIMIT $1
          FOR UPDATE SKIP LOCKED
       )
       UPDATE conversations c
          SET status = 'open', snoozed_until = NULL, snoozed_by_id = NULL,
              last_activity_at = GREATEST(c.last_activity_at, c.snoozed_until), updated_at = now()
         FROM due
        WHERE c.id = due.id
       RETURNING c.id, c.account_id AS "accountId", c.inbox_id AS "inboxId",
                 c.assignee_id AS "assigneeId", due.snoozed_by_id AS "snoozedById"`,
      [limit],
    );
  }
}
