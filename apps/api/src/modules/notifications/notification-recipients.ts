import type { EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';

/**
 * Who hears about a conversation: its assignee; when unassigned, the inbox's members; when the
 * inbox has no members, every operator of the account.
 */
export async function notificationRecipients(
  em: EntityManager,
  conv: { account_id: string; inbox_id: string; assignee_id: string | null },
): Promise<string[]> {
  if (conv.assignee_id) return [conv.assignee_id];
  const rows = await queryRows<{ id: string }>(
    em,
    `SELECT operator_id AS id FROM inbox_members WHERE inbox_id = $1
     UNION ALL
     SELECT id FROM operators WHERE account_id = $2
       AND NOT EXISTS (SELECT 1 FROM inbox_members WHERE inbox_id = $1)`,
    [conv.inbox_id, conv.account_id],
  );
  return rows.map((r) => r.id);
}
