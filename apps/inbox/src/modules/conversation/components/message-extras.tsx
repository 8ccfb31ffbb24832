import type { MessageDto } from '@switchboard/contracts';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useComposerStore } from '../../composer/store/composer-store';
import { useReplyTargetStore } from '../../composer/store/reply-target-store';
import { replyExcerpt } from '../../composer/utils/reply-to';
import { useOverlayStore } from '../../shortcuts/store/overlay-store';
import './message-extras.css';

/** "edited" beside the time; when, in full, on hover and for screen readers. */
export function EditedMark({ editedAt }: { editedAt: string }) {
  const full = formatFullDateTime(new Date(editedAt));
  return (
    <time
      className="message__edited"
      dateTime={editedAt}
      data-testid="message-edited"
      title={t('conversation.edited_at', { time: full })}
    >
      {t('conversation.edited')}
      <span className="visually-hidden"> ({t('conversation.edited_at', { time: full })})</span>
    </time>
  );
}

/** The customer message an operator reply answers, quoted small above the reply. */
export function ReplyQuote({ replyTo }: { replyTo: NonNullable<MessageDto['replyTo']> }) {
  return (
    <blockquote
      className="message__reply-quote"
      data-testid="message-reply-quote"
      data-reply-to={replyTo.id}
    >
      <span className="visually-hidden">{t('conversation.in_reply_to')}: </span>
      <span dir="auto">{replyExcerpt(replyTo.text) ?? t('conversation.reply_no_text')}</span>
    </blockquote>
  );
}

/** "Reply" on a customer message: the composer answers that message specifically. */
export function ReplyAction({ message, sender }: { message: MessageDto; sender: string }) {
  const choose = () => {
    useReplyTargetStore
      .getState()
      .choose(message.conversationId, { id: message.id, text: message.text });
    useComposerStore.getState().setDraft(message.conversationId, { mode: 'message' });
    useOverlayStore.getState().requestReplyFocus();
  };
  return (
    <button
      type="button"
      className="link-button message__reply-action"
      data-testid="message-reply"
      aria-label={t('conversation.reply_to_label', { name: sender })}
      onClick={choose}
    >
      {t('conversation.reply_to')}
    </button>
  );
}

/** A message sent as an approved template (outside WhatsApp's reply window), not typed freely. */
/** Mail a machine sent (auto-reply, out-of-office, bulk): worth knowing before answering it. */
export function AutomatedBadge() {
  return (
    <span
      className="message__template-badge"
      data-testid="message-automated"
      title={t('conversation.automated_badge_title')}
    >
      {t('conversation.automated_badge')}
    </span>
  );
}

export function TemplateBadge() {
  return (
    <span
      className="message__template-badge"
      data-testid="message-template"
      title={t('conversation.template_badge_title')}
    >
      {t('conversation.template_badge')}
    </span>
  );
}
