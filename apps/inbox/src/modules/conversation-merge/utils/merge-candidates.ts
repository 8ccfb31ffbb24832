import type { ConversationStatus, ConversationSummaryDto } from '@switchboard/contracts';
import { conversationMergeApi } from '../api/conversation-merge-api';

/** A conversation one can merge into, as the dialog lists it. */
export interface MergeCandidate {
  id: string;
  number: number;
  inboxName: string;
  status: ConversationStatus;
}

/**
 * The customer's other conversations, newest first: from the contacts API, or, where that is
 * not available, from the feed (the customer's conversations by name are not searchable
 * reliably, so then only the number field helps).
 */
export async function loadMergeCandidates(
  conversation: ConversationSummaryDto,
): Promise<MergeCandidate[]> {
  try {
    const page = await conversationMergeApi.contactConversations(conversation.contact.id);
    return page.items
      .filter((c) => c.id !== conversation.id)
      .map((c) => ({ id: c.id, number: c.number, inboxName: c.inboxName, status: c.status }));
  } catch {
    return [];
  }
}
