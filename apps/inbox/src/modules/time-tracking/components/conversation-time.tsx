import { useEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useTimeTracker } from '../hooks/use-time-tracker';
import { useTimeStore } from '../store/time-store';
import { formatDuration } from '../utils/format-duration';
import { TimeAdjustDialog } from './time-adjust-dialog';
import '../time-tracking.css';

/**
 * The conversation header's time line ("Time: 12m (you 8m)") with the correction dialog. While
 * it is shown, the operator's active time on the conversation is measured (useTimeTracker).
 */
export function ConversationTime({ conversationId }: { conversationId: string }) {
  useTimeTracker(conversationId);
  const time = useTimeStore((s) => s.byConversation[conversationId]);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setOpen(false);
    void useTimeStore.getState().load(conversationId);
  }, [conversationId]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <div className="conversation-time" data-testid="conversation-time">
      <span
        data-testid="conversation-time-text"
        data-total={time?.totalSeconds ?? 0}
        data-mine={time?.mineSeconds ?? 0}
      >
        {t('time.line', {
          total: formatDuration(time?.totalSeconds ?? 0),
          mine: formatDuration(time?.mineSeconds ?? 0),
        })}
      </span>
      <button
        ref={opener}
        type="button"
        className="link-button"
        data-testid="conversation-time-correct"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('time.correct')}
      </button>
      {open && time && <TimeAdjustDialog time={time} onClose={close} />}
    </div>
  );
}
