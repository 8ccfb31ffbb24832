import { t } from '../../../i18n/i18n';
import type { ReplyTarget } from '../store/reply-target-store';
import { replyExcerpt } from '../utils/reply-to';
import './reply-to.css';

/** "Replying to: <excerpt>" above the reply box, with × to answer the conversation instead. */
export function ReplyingTo({ target, onCancel }: { target: ReplyTarget; onCancel: () => void }) {
  const excerpt = replyExcerpt(target.text) ?? t('conversation.reply_no_text');
  return (
    <div className="composer__replying" data-testid="composer-replying-to">
      <span className="composer__replying-label">{t('composer.replying_to')}</span>{' '}
      <q className="composer__replying-text" dir="auto" data-testid="composer-replying-excerpt">
        {excerpt}
      </q>
      <button
        type="button"
        className="icon-button composer__replying-cancel"
        data-testid="composer-replying-cancel"
        aria-label={t('composer.replying_to_cancel')}
        data-tooltip={t('composer.replying_to_cancel')}
        onClick={onCancel}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
