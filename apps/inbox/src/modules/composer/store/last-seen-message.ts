import type { MessageDto } from '@switchboard/contracts';
import { isLocalId } from '../../conversation/store/conversation-store';

/**
 * The newest stored message of a timeline (oldest first): what the operator has seen when they
 * send. The server holds the reply if a colleague answered the customer after it.
 */
export function lastSeenMessageId(messages: readonly MessageDto[]): string | undefined {
  return messages.findLast((m) => !isLocalId(m.id))?.id;
}
