import { t } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { useTypingStore } from '../../realtime/store/typing-store';

/** "Zoë is typing…" under the timeline while the customer (or a colleague) writes. */
export function TypingLine({ conversationId }: { conversationId: string }) {
  const entry = useTypingStore((s) => s.byConversation[conversationId]);
  return (
    <div className="typing-line" aria-live="polite" data-testid="typing-line">
      {entry && (
        <>
          <span className="typing-line__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <bdi>{displayName(entry.name, t('feed.row.unknown_contact'))}</bdi>{' '}
          {t('conversation.typing')}
        </>
      )}
    </div>
  );
}
