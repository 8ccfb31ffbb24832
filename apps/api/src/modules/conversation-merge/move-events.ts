import type { ConversationSummaryDto, MessageDto } from '@switchboard/contracts';
import type { PendingEvent } from '../../core/events/pending-event';

/** One side of a move: the conversation as it is now and its new timeline activity. */
export interface MoveSide {
  summary: ConversationSummaryDto;
  activity: MessageDto;
}

/**
 * The stream events of a merge or split, in the order clients apply them: the moved messages
 * leave one timeline and arrive in the other (each side is its own event, so an operator who may
 * see only one of the two inboxes gets only that one), then each side's activity.
 */
export function moveEvents(from: MoveSide, to: MoveSide, movedIds: string[]): PendingEvent[] {
  return [
    {
      type: 'conversation.messages_moved',
      conversationId: from.summary.id,
      payload: { conversation: from.summary, movedIn: [], movedOut: movedIds },
    },
    {
      type: 'conversation.messages_moved',
      conversationId: to.summary.id,
      payload: { conversation: to.summary, movedIn: movedIds, movedOut: [] },
    },
    {
      type: 'message.created',
      conversationId: from.summary.id,
      payload: { message: from.activity, conversation: from.summary },
    },
    {
      type: 'message.created',
      conversationId: to.summary.id,
      payload: { message: to.activity, conversation: to.summary },
    },
  ];
}
