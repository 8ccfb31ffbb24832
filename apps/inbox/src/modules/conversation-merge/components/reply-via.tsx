import { useEffect, useId } from 'react';
import { t } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useConversationLinksStore } from '../store/conversation-links-store';

/**
 * "Reply via" in the composer, only when the conversation holds several of the customer's
 * channels (after a merge); preselected: the channel of the latest customer message.
 */
export function ReplyVia({ conversationId }: { conversationId: string }) {
  const links = useConversationLinksStore((s) => s.byConversation[conversationId]);
  const chosen = useConversationLinksStore((s) => s.chosenIdentity[conversationId]);
  const id = useId();
  const several = (links?.replyChannels.length ?? 0) > 1;
  // The default follows the customer: a new message of theirs may have come on another channel.
  const latestIncoming = useConversationStore(
    (s) => s.threads[conversationId]?.messages.findLast((m) => m.direction === 'incoming')?.id,
  );
  useEffect(() => {
    if (several && latestIncoming) void useConversationLinksStore.getState().load(conversationId);
  }, [several, latestIncoming, conversationId]);
  if (!links || !several) return null;
  const value = chosen ?? links.defaultIdentityId ?? links.replyChannels[0]?.identityId ?? '';
  return (
    <span className="reply-via">
      <label htmlFor={id}>{t('reply_via.label')}</label>
      <select
        id={id}
        data-testid="reply-via"
        value={value}
        onChange={(e) =>
          useConversationLinksStore.getState().choose(conversationId, e.target.value)
        }
      >
        {links.replyChannels.map((c) => (
          <option key={c.identityId} value={c.identityId} title={c.handle ?? undefined}>
            {t('reply_via.option', {
              inbox: displayText(c.inboxName),
              channel: t(`channel.${c.channel}`),
            })}
          </option>
        ))}
      </select>
    </span>
  );
}
