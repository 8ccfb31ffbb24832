import { useEffect } from 'react';
import { t } from '../../../i18n/i18n';
import { Composer } from '../../composer/components/composer';
import { useNotificationCentreStore } from '../../notifications/store/notification-centre-store';
import { useNotificationsStore } from '../../notifications/store/notifications-store';
import { markConversationRead } from '../store/conversation-commands';
import { useConversationStore } from '../store/conversation-store';
import { MergedBanner } from '../../conversation-merge/components/merged-banner';
import { ConversationHeader } from './conversation-header';
import { Timeline } from './timeline';
import { TypingLine } from './typing-line';
import { ViewersLine } from './viewers-line';
import { useViewingPresence } from '../hooks/use-viewing-presence';

export function ConversationPane() {
  const selectedId = useConversationStore((s) => s.selectedId);
  const summary = useConversationStore((s) =>
    s.selectedId ? s.summaries[s.selectedId] : undefined,
  );
  const thread = useConversationStore((s) => (s.selectedId ? s.threads[s.selectedId] : undefined));
  const unread = summary?.unreadCount ?? 0;
  useViewingPresence(selectedId);

  // Looking at a conversation reads it: clear its unread count and its notification badge.
  useEffect(() => {
    if (!selectedId) return;
    useNotificationsStore.getState().markSeen(selectedId);
    useNotificationCentreStore.getState().conversationOpened(selectedId);
    if (unread > 0 && document.visibilityState === 'visible') void markConversationRead(selectedId);
  }, [selectedId, unread]);

  if (!selectedId) {
    return (
      <section
        className="conversation-pane conversation-pane--empty"
        data-testid="conversation-empty"
      >
        <div className="placeholder">
          <h2>{t('conversation.none.title')}</h2>
          <p>{t('conversation.none.body')}</p>
        </div>
      </section>
    );
  }

  return (
    <section
      className="conversation-pane"
      data-testid="conversation"
      data-conversation-id={selectedId}
    >
      {summary && <ConversationHeader conversation={summary} />}
      <ViewersLine conversationId={selectedId} />
      <MergedBanner conversationId={selectedId} />
      {thread?.phase === 'error' && !thread.messages.length ? (
        <div className="placeholder" role="alert">
          <p>{t('conversation.error', { message: thread.error ?? '' })}</p>
          <button
            type="button"
            className="button"
            onClick={() => void useConversationStore.getState().loadThread(selectedId)}
          >
            {t('feed.retry')}
          </button>
        </div>
      ) : thread && (thread.phase === 'ready' || thread.messages.length > 0) ? (
        <Timeline conversationId={selectedId} thread={thread} />
      ) : (
        <div className="placeholder" aria-busy="true">
          {t('conversation.loading')}
        </div>
      )}
      <TypingLine conversationId={selectedId} />
      {summary && <Composer conversation={summary} />}
    </section>
  );
}
