import type { EntityManager } from 'typeorm';
import type { ConversationsRepository } from '../conversations/conversations.repository';
import type { ConversationEntity } from '../conversations/entities/conversation.entity';

/** A chain of merges is short; the bound only guards against a cycle nobody should be able to make. */
const MAX_HOPS = 16;

/**
 * Where a customer message for `conv` belongs: a merged conversation never takes messages again,
 * the one it was merged into does (and so on, locked one after the other, each after the merge
 * that made the pointer committed). The inbound path's general case calls this; the SQL fast path
 * never lands in a merged conversation because a merged one is closed, which makes it fall back.
 */
export async function followMergePointer(
  em: EntityManager,
  conversations: Pick<ConversationsRepository, 'lockForAccount'>,
  conv: ConversationEntity,
): Promise<ConversationEntity> {
  let current = conv;
  for (let hops = 0; current.mergedIntoId && hops < MAX_HOPS; hops++) {
    const next = await conversations.lockForAccount(em, current.accountId, current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}
