import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { withTag } from '../../feed/utils/search-text';
import { snapshotCursor } from '../../realtime/store/stream-store';
import { tagsApi } from '../api/tags-api';
import { useTagsStore } from './tags-store';
import { errorText } from '../../../shared/api/error-text';

function reason(error: unknown): string {
  return errorText(error);
}

/** The server's answer is the conversation with its tags: feed row and header follow at once. */
async function applyChange(
  request: () => Promise<ConversationSummaryDto>,
  failure: 'tags.add_failed' | 'tags.remove_failed',
) {
  const since = snapshotCursor();
  try {
    const summary = await request();
    useFeedStore.getState().applySnapshot(summary, since);
    useConversationStore.getState().receiveSummary(summary);
    return true;
  } catch (error) {
    useToastStore.getState().show(t(failure, { message: reason(error) }), 'error');
    return false;
  }
}

/** Adds a tag by name (the server creates it if the account has none of that name). */
export async function addTag(conversationId: string, name: string): Promise<boolean> {
  const added = await applyChange(() => tagsApi.add(conversationId, name), 'tags.add_failed');
  // A new name joins the type-ahead's choices.
  if (added) void useTagsStore.getState().load();
  return added;
}

export function removeTag(conversationId: string, tagId: string): Promise<boolean> {
  return applyChange(() => tagsApi.remove(conversationId, tagId), 'tags.remove_failed');
}

/** A tag chip clicked: the feed shows the conversations carrying it (with the other #tags). */
export function filterByTag(name: string): void {
  const { filters, setFilters } = useFeedStore.getState();
  setFilters({ tags: withTag(filters.tags, name) });
}
