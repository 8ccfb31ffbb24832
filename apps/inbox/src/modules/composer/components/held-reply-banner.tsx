import type { ConversationSummaryDto } from '@switchboard/contracts';
import { t, tp } from '../../../i18n/i18n';
import { displayName } from '../../../shared/text/display-text';
import { useAuthStore } from '../../auth/store/auth-store';
import { useComposerStore } from '../store/composer-store';
import { useHeldRepliesStore } from '../store/held-replies-store';
import { useReplyTargetStore } from '../store/reply-target-store';
import { sendHeldReplyAnyway } from '../store/send-message';
import './held-reply-banner.css';

/** "Anna replied 10 s ago": whole seconds under a minute, whole minutes after. */
export function repliedAgo(name: string, repliedAt: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(repliedAt)) / 1000));
  return seconds < 60
    ? tp('collision.replied_seconds', seconds, { name })
    : tp('collision.replied_minutes', Math.floor(seconds / 60), { name });
}

/**
 * Shown above the composer when the server held a reply because a colleague answered the customer
 * first: their reply, then "Review" (the text goes back into the composer) or "Send anyway".
 */
export function HeldReplyBanner({ conversation }: { conversation: ConversationSummaryDto }) {
  const held = useHeldRepliesStore((s) => s.byConversation[conversation.id]);
  const operator = useAuthStore((s) => s.operator);
  if (!held) return null;
  const { collision } = held;
  const name = displayName(collision.repliedBy.name, t('feed.row.unknown_contact'));

  const review = () => {
    const reply = useHeldRepliesStore.getState().release(conversation.id);
    if (!reply) return;
    useComposerStore.getState().setDraft(conversation.id, { text: reply.text, mode: reply.kind });
    if (reply.replyTo) useReplyTargetStore.getState().choose(conversation.id, reply.replyTo);
  };

  return (
    <div className="held-reply" role="alert" data-testid="held-reply">
      <p className="held-reply__title">
        <strong>{repliedAgo(name, collision.repliedAt)}</strong> {t('collision.held')}
      </p>
      <blockquote className="held-reply__quote" dir="auto" data-testid="held-reply-quote">
        {collision.message.text}
      </blockquote>
      <div className="held-reply__actions">
        <button type="button" className="button" onClick={review} data-testid="held-reply-review">
          {t('collision.review')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!operator}
          data-testid="held-reply-send-anyway"
          onClick={() => operator && void sendHeldReplyAnyway(conversation, operator)}
        >
          {t('collision.send_anyway')}
        </button>
      </div>
    </div>
  );
}
