import type { ConversationSummaryDto } from '@switchboard/contracts';
import { openConversation } from '../../conversation/store/conversation-commands';
import { useSearchFocusStore } from './search-focus-store';

/** A search result's matching message becomes where its conversation opens. */
export function focusSearchMatch(conversation: ConversationSummaryDto): void {
  if (conversation.match)
    useSearchFocusStore
      .getState()
      .openAt({ conversationId: conversation.id, messageId: conversation.match.messageId });
}

/** Opens a search result at the message that matched (the conversation's end without one). */
export function openSearchResult(conversation: ConversationSummaryDto): void {
  focusSearchMatch(conversation);
  openConversation(conversation.id);
}
