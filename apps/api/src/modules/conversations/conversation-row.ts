import type { ConversationStatus } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { queryOne } from '../../core/database/sql-rows';
import { notFound } from '../../core/http/app.exception';
import { isUuid } from './keyset-cursor';

export interface ConversationRow {
  id: string;
  account_id: string;
  inbox_id: string;
  contact_id: string;
  identity_id: string;
  number: number;
  status: ConversationStatus;
  snoozed_until: Date | null;
  snoozed_by_id: string | null;
  assignee_id: string | null;
  subject: string | null;
}

/** Locks one conversation of the operator's account for the rest of the transaction; 404 otherwise. */
export async function lockConversation(
  em: EntityManager,
  accountId: string,
  id: string,
): Promise<ConversationRow> {
  if (!isUuid(id)) throw notFound('Conversation');
  const row = await queryOne<ConversationRow>(
    em,
    'SELECT * FROM conversations WHERE id = $1 AND account_id = $2 FOR UPDATE',
    [id, accountId],
  );
  if (!row) throw notFound('Conversation');
  return row;
}
