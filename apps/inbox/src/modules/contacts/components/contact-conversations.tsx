import { t } from '../../../i18n/i18n';
import { formatListStamp } from '../../../i18n/format';
import { displayText } from '../../../shared/text/display-text';
import { ChannelIcon } from '../../../shared/ui/channel-icon';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useNavigationStore } from '../../navigation/navigation-store';
import { useContactCardStore } from '../store/contact-card-store';

/** Opens a conversation of the card: the inbox comes back with it selected. */
function openConversation(id: string): void {
  useNavigationStore.getState().go({ name: 'inbox' });
  useConversationStore.getState().select(id);
}

/** Every conversation of the contact the operator may see, on any channel, newest first. */
export function ContactConversations({ contactId }: { contactId: string }) {
  const list = useContactCardStore((s) => s.conversations[contactId]);
  const openId = useConversationStore((s) => s.selectedId);
  if (!list) return null;
  return (
    <section className="contact-card__section" aria-label={t('contact.card.conversations')}>
      <h3>{t('contact.card.conversations')}</h3>
      {list.items.length === 0 && (
        <p className="settings-hint">{t('contact.card.no_conversations')}</p>
      )}
      <ul className="contact-card__conversations" data-testid="contact-conversations">
        {list.items.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="contact-card__conversation"
              data-testid="contact-conversation"
              data-conversation-id={c.id}
              data-status={c.status}
              aria-current={c.id === openId ? 'true' : undefined}
              onClick={() => openConversation(c.id)}
            >
              <span className="contact-card__conversation-head">
                <ChannelIcon channel={c.channel} size={14} />
                <bdi>
                  {t('contact.card.conversation', { number: c.number, inbox: c.inboxName })}
                </bdi>
                <span className={`contact-status contact-status--${c.status}`}>
                  {t(`contact.status.${c.status}`)}
                </span>
                <time dateTime={c.lastActivityAt}>
                  {formatListStamp(new Date(c.lastActivityAt))}
                </time>
              </span>
              <span className="contact-card__conversation-text" dir="auto">
                {displayText(c.subject ?? c.lastMessagePreview ?? t('contact.card.no_subject'))}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list.nextCursor && (
        <button
          type="button"
          className="button button--small"
          onClick={() => void useContactCardStore.getState().loadMoreConversations(contactId)}
        >
          {t('contact.card.more_conversations')}
        </button>
      )}
    </section>
  );
}
