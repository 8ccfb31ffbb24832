import type { ConversationMoveResultDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { ApiError } from '../../../shared/api/http-client';
import { useToastStore } from '../../../shared/ui/toast-store';
import { openConversation } from '../../conversation/store/conversation-commands';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { conversationMergeApi } from '../api/conversation-merge-api';
import { errorText } from '../../../shared/api/error-text';

export type MergeOutcome =
  | { kind: 'merged'; result: ConversationMoveResultDto }
  /** The two belong to different customers: ask, then send again with `confirm`. */
  | { kind: 'needs_confirmation' }
  | { kind: 'failed'; message: string };

/** Merges `sourceId` into `targetId` and opens the survivor. */
export async function mergeConversations(
  sourceId: string,
  targetId: string,
  confirm: boolean,
): Promise<MergeOutcome> {
  try {
    const result = await conversationMergeApi.merge(targetId, { sourceId, confirm });
    useConversationStore.getState().receiveSummary(result.from);
    useToastStore
      .getState()
      .show(t('merge.done', { source: result.from.number, target: result.to.number }));
    openConversation(result.to.id);
    return { kind: 'merged', result };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'MERGE_CONFIRMATION_REQUIRED')
      return { kind: 'needs_confirmation' };
    return { kind: 'failed', message: errorText(error) };
  }
}

/** Moves the message (and, optionally, every later one) out into a new conversation. */
export async function splitConversation(
  conversationId: string,
  messageId: string,
  withFollowing: boolean,
): Promise<void> {
  try {
    const result = await conversationMergeApi.split(conversationId, { messageId, withFollowing });
    useToastStore.getState().show(t('split.done', { number: result.to.number }));
  } catch (error) {
    const message = errorText(error);
    useToastStore.getState().show(t('split.failed', { message }), 'error');
  }
}
