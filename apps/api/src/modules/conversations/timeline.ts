import type { Activity, MessageDto } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { queryOne } from '../../core/database/sql-rows';
import { loadMessage } from '../messages/message-row';

export interface ConversationRef {
  id: string;
  account_id: string;
  inbox_id: string;
}

/** Writes a system activity ("Anna snoozed until Mon 09:00") into the conversation's timeline. */
export async function addActivity(
  em: EntityManager,
  conv: ConversationRef,
  activity: Activity,
): Promise<MessageDto> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, activity)
     VALUES ($1, $2, $3, 'outgoing', 'activity', 'system', $4) RETURNING id`,
    [conv.account_id, conv.id, conv.inbox_id, JSON.stringify(activity)],
  );
  return loadMessage(em, row!.id);
}
