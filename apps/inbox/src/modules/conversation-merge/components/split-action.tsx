import type { MessageDto } from '@switchboard/contracts';
import { useId, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { splitConversation } from '../store/merge-commands';

/** "Split from here" on a message: alone, or "and everything after", into a new conversation. */
export function SplitAction({ message }: { message: MessageDto }) {
  const [open, setOpen] = useState(false);
  const [withFollowing, setWithFollowing] = useState(true);
  const [busy, setBusy] = useState(false);
  const checkboxId = useId();
  if (message.id.startsWith('local:')) return null;
  if (!open)
    return (
      <button
        type="button"
        className="link-button message__split-action"
        data-testid="message-split"
        onClick={() => setOpen(true)}
      >
        {t('split.action')}
      </button>
    );
  const confirm = async () => {
    setBusy(true);
    await splitConversation(message.conversationId, message.id, withFollowing);
    setBusy(false);
    setOpen(false);
  };
  return (
    <span className="message__split" data-testid="message-split-form">
      <input
        id={checkboxId}
        type="checkbox"
        checked={withFollowing}
        data-testid="split-with-following"
        onChange={(e) => setWithFollowing(e.target.checked)}
      />
      <label htmlFor={checkboxId}>{t('split.with_following')}</label>
      <button
        type="button"
        className="button button--primary"
        data-testid="split-confirm"
        disabled={busy}
        onClick={() => void confirm()}
      >
        {t('split.confirm')}
      </button>
      <button type="button" className="button" onClick={() => setOpen(false)}>
        {t('split.cancel')}
      </button>
    </span>
  );
}
