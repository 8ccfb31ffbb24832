import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { useToastStore } from '../../../shared/ui/toast-store';
import { useAuthStore } from '../../auth/store/auth-store';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useFeedStore } from '../../feed/store/feed-store';
import { snapshotCursor } from '../../realtime/store/stream-store';
import { assignmentApi, type AssignmentChange } from '../api/assignment-api';
import { useListSelectionStore } from './list-selection-store';
import { errorText } from '../../../shared/api/error-text';

function apply(summaries: ConversationSummaryDto[], since: number): void {
  for (const summary of summaries) {
    useFeedStore.getState().applySnapshot(summary, since);
    useConversationStore.getState().receiveSummary(summary);
  }
}

/**
 * Assigns one conversation or a selection (one request, all or nothing) to an operator and/or a
 * team; null unassigns. The answer updates the list; a refusal is shown with its reason.
 */
export async function assignConversations(
  ids: string[],
  change: AssignmentChange,
): Promise<boolean> {
  if (ids.length === 0) return false;
  const since = snapshotCursor();
  try {
    const [only] = ids;
    if (only && ids.length === 1 && change.teamId === undefined && change.assigneeId !== undefined)
      apply([await assignmentApi.assign(only, change.assigneeId)], since);
    else apply((await assignmentApi.assignMany(ids, change)).conversations, since);
    useListSelectionStore.getState().clear();
    void useFeedStore.getState().refreshCounts();
    return true;
  } catch (error) {
    const message = errorText(error);
    useToastStore.getState().show(t('assignment.failed', { message }), 'error');
    return false;
  }
}

/** The one-key "I'll take it". */
export function assignToMe(ids: string[]): Promise<boolean> {
  const me = useAuthStore.getState().operator?.id;
  return me ? assignConversations(ids, { assigneeId: me }) : Promise.resolve(false);
}
