import type { ConversationSummaryDto } from '@switchboard/contracts';
import { useEffect, useState } from 'react';
import { useReplyWindowRefusals } from '../store/reply-window-refusals';
import { msUntilNextChange, replyWindowAt, type ReplyWindow } from '../utils/reply-window';

/**
 * The conversation's reply window, kept current: re-rendered when the shown minute changes and
 * at the closing instant, and at once when the stream brings a new `replyWindowClosesAt`.
 */
export function useReplyWindow(
  conversation: Pick<ConversationSummaryDto, 'id' | 'replyWindowClosesAt'>,
): ReplyWindow {
  const closesAt = conversation.replyWindowClosesAt ?? null;
  const refusedUnder = useReplyWindowRefusals((s) => s.byConversation[conversation.id]);
  const [tick, setTick] = useState(0);
  // The clock is read while rendering so a closing time that just arrived is shown right at once.
  const replyWindow = replyWindowAt(closesAt, Date.now());

  useEffect(() => {
    const current = replyWindowAt(closesAt, Date.now());
    if (current.state !== 'open') return;
    const timer = setTimeout(() => setTick((n) => n + 1), msUntilNextChange(current.msLeft));
    return () => clearTimeout(timer);
  }, [closesAt, tick]);

  // The server refused free text under the closing time we still show: its clock wins.
  if (refusedUnder !== undefined && refusedUnder === closesAt)
    return {
      state: 'closed',
      closesAt: replyWindow.state === 'none' ? null : replyWindow.closesAt,
    };
  return replyWindow;
}
