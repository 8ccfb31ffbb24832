import type { MessageDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { t, tp } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useAuthStore } from '../../auth/store/auth-store';
import { undoSend, undoTimeLeft } from '../store/undo-send';

/**
 * Under a reply in its Undo window: "Sending in 4 s" counting down, with Undo for its author
 * (colleagues see that it is about to leave). When the server releases it, the stream replaces
 * the message and this line gives way to the delivery ticks.
 */
export function UndoSendLine({ message }: { message: MessageDto }) {
  const me = useAuthStore((s) => s.operator?.id);
  const [now, setNow] = useState(() => Date.now());
  const left = undoTimeLeft(message, now);
  const counting = left > 0;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [counting]);
  const seconds = Math.ceil(left / 1000);
  return (
    <span className="delivery undo-send-line" data-testid="undo-send-line">
      <Icon name="clock" size={14} />
      <span>{seconds > 0 ? tp('undo_send.sending_in', seconds) : t('undo_send.sending')}</span>
      {seconds > 0 && message.sender.id === me && (
        <button
          type="button"
          className="link-button"
          aria-label={t('undo_send.undo_label')}
          data-testid="undo-send"
          onClick={() => void undoSend(message)}
        >
          {t('undo_send.undo')}
        </button>
      )}
    </span>
  );
}
