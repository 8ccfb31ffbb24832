import type { ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'react';
import { formatFullDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { Icon } from '../../../shared/ui/icons';
import { useReplyWindow } from '../hooks/use-reply-window';
import { formatReplyWindowLeft, type ReplyWindow } from '../utils/reply-window';
import './reply-window.css';

function announcementFor(replyWindow: ReplyWindow): string {
  if (replyWindow.state === 'closed') return t('reply_window.closed_announcement');
  if (replyWindow.state === 'open') return t('reply_window.reopened');
  return '';
}

/**
 * "Reply window: 23 h 12 min left", live, on conversations whose channel has one (WhatsApp).
 * Screen readers hear only the changes of state (closed, open again), not each minute: the
 * visible countdown is not a live region, a hidden one beside it is. Keyed by conversation by
 * the caller, so opening another conversation is not announced as a change.
 */
export function ReplyWindowCountdown({
  conversation,
}: {
  conversation: Pick<ConversationSummaryDto, 'id' | 'replyWindowClosesAt'>;
}) {
  const replyWindow = useReplyWindow(conversation);
  const [announcement, setAnnouncement] = useState('');
  const shownState = useRef(replyWindow.state);

  useEffect(() => {
    if (shownState.current === replyWindow.state) return;
    shownState.current = replyWindow.state;
    setAnnouncement(announcementFor(replyWindow));
    // Only the state is a dependency: the minutes change on their own, unannounced.
  }, [replyWindow.state]);

  return (
    <>
      {replyWindow.state !== 'none' && (
        <span
          className={`reply-window reply-window--${replyWindow.state}`}
          data-testid="reply-window"
          data-state={replyWindow.state}
          title={
            replyWindow.state === 'open'
              ? t('reply_window.closes_at', {
                  time: formatFullDateTime(new Date(replyWindow.closesAt)),
                })
              : t('reply_window.closed_hint')
          }
        >
          <Icon name="clock" size={12} />
          {replyWindow.state === 'open'
            ? formatReplyWindowLeft(replyWindow.msLeft)
            : t('reply_window.closed')}
        </span>
      )}
      <span className="visually-hidden" aria-live="polite" data-testid="reply-window-announcement">
        {announcement}
      </span>
    </>
  );
}
