import type { ViewerActivity } from '@switchboard/contracts';
import { useEffect } from 'react';
import { EMPTY_DRAFT, useComposerStore, type Draft } from '../../composer/store/composer-store';
import { currentStreamSocket } from '../../realtime/hooks/use-stream-connection';
import { useStreamStore } from '../../realtime/store/stream-store';

// Mirrors VIEWING_HEARTBEAT_MS in the contracts (only types are imported from there): the server
// forgets a tab after three missed beats.
const HEARTBEAT_MS = 10_000;

/** What colleagues see this operator doing: writing once the draft has text, else viewing. */
function activityOf(draft: Draft): ViewerActivity {
  if (draft.text.trim() === '') return 'viewing';
  return draft.mode === 'note' ? 'noting' : 'replying';
}

/**
 * Tells colleagues this tab has the conversation open: on open, on every (re)connection, when the
 * operator starts or stops writing, and as a heartbeat; and that it closed it on leaving.
 */
export function useViewingPresence(conversationId: string | null): void {
  const live = useStreamStore((s) => s.status === 'live');
  const activity = useComposerStore((s) =>
    conversationId ? activityOf(s.drafts[conversationId] ?? EMPTY_DRAFT) : 'viewing',
  );

  useEffect(() => {
    if (!conversationId || !live) return undefined;
    const announce = () => currentStreamSocket()?.setViewing({ conversationId, activity });
    announce();
    const heartbeat = setInterval(announce, HEARTBEAT_MS);
    return () => clearInterval(heartbeat);
  }, [conversationId, live, activity]);

  useEffect(() => {
    if (!conversationId) return undefined;
    return () => currentStreamSocket()?.setViewing({ conversationId: null });
  }, [conversationId]);
}
