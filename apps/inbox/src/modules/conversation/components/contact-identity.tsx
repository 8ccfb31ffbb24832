import { t } from '../../../i18n/i18n';
import { displayText } from '../../../shared/text/display-text';
import { useConversationStore } from '../store/conversation-store';
import { languageName } from '../utils/language-name';

/**
 * The customer as the channel knows them: their public handle (a Telegram @username) and the
 * language their app runs in, so the operator can answer in it.
 */
export function ContactIdentity({
  conversationId,
  inboxId,
}: {
  conversationId: string;
  inboxId: string;
}) {
  const identity = useConversationStore((s) =>
    s.details[conversationId]?.contactCard.identities.find((i) => i.inboxId === inboxId),
  );
  const username = identity?.username ? displayText(identity.username) : '';
  const language = identity?.language ? languageName(identity.language) : '';
  if (!username && !language) return null;
  return (
    <span className="conversation-header__identity" data-testid="contact-identity">
      {username && (
        <span dir="ltr" data-testid="contact-username">
          @{username}
        </span>
      )}
      {username && language && <span aria-hidden="true"> · </span>}
      {language && (
        <span data-testid="contact-language">
          {t('conversation.identity.language', { language })}
        </span>
      )}
    </span>
  );
}
