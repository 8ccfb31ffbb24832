import { useEffect } from 'react';
import { t } from '../../../i18n/i18n';
import './conversation-merge.css';
import { openConversation } from '../../conversation/store/conversation-commands';
import { useConversationLinksStore } from '../store/conversation-links-store';

/**
 * A merged conversation says where its messages went, with a link there. Reads the conversation's
 * links (also used by "Reply via") whenever another conversation is opened.
 */
export function MergedBanner({ conversationId }: { conversationId: string }) {
  const mergedInto = useConversationLinksStore(
    (s) => s.byConversation[conversationId]?.mergedInto ?? null,
  );
  useEffect(() => {
    void useConversationLinksStore.getState().load(conversationId);
  }, [conversationId]);
  if (!mergedInto) return null;
  return (
    <p className="merged-banner" role="status" data-testid="merged-banner">
      {t('merge.banner', { number: mergedInto.number })}{' '}
      <button
        type="button"
        className="link-button"
        data-testid="merged-banner-open"
        onClick={() => openConversation(mergedInto.id)}
      >
        {t('merge.banner.open', { number: mergedInto.number })}
      </button>
    </p>
  );
}
