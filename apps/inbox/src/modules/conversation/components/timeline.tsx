import { useEffect, useLayoutEffect, useRef } from 'react';
import { t } from '../../../i18n/i18n';
import { useConversationStore, type Thread } from '../store/conversation-store';
import { withoutSummarisedRuleSteps } from '../../automation/utils/rule-steps';
import { TimelineItem } from './timeline-item';

/** Start loading older messages when the operator scrolls this close to the top. */
const LOAD_OLDER_PX = 200;
const STICK_TO_BOTTOM_PX = 80;

interface Snapshot {
  conversationId: string | null;
  firstId: string | null;
  scrollHeight: number;
  atBottom: boolean;
}

export function Timeline({ conversationId, thread }: { conversationId: string; thread: Thread }) {
  const loadOlder = useConversationStore((s) => s.loadOlder);
  const ref = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const last = useRef<Snapshot>({
    conversationId: null,
    firstId: null,
    scrollHeight: 0,
    atBottom: true,
  });
  const firstId = thread.messages[0]?.id ?? null;

  // Keep the reading position steady: open at the bottom, follow new messages when already at the
  // bottom, and leave the visible message in place when older ones are prepended above it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const prev = last.current;
    if (prev.conversationId !== conversationId) el.scrollTop = el.scrollHeight;
    else if (prev.firstId && prev.firstId !== firstId)
      el.scrollTop += el.scrollHeight - prev.scrollHeight;
    else if (prev.atBottom) el.scrollTop = el.scrollHeight;
    last.current = {
      conversationId,
      firstId,
      scrollHeight: el.scrollHeight,
      atBottom: el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM_PX,
    };
    // A short first page does not scroll at all: fetch more until it does or history ends.
    if (thread.phase === 'ready' && thread.hasOlder && el.scrollHeight <= el.clientHeight)
      void loadOlder(conversationId);
  }, [conversationId, firstId, thread.messages, thread.phase, thread.hasOlder, loadOlder]);

  // Content can grow after render (an email frame measuring itself): stay at the bottom if we were.
  useEffect(() => {
    const el = ref.current;
    const list = listRef.current;
    if (!el || !list || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (last.current.atBottom) el.scrollTop = el.scrollHeight;
      last.current = { ...last.current, scrollHeight: el.scrollHeight };
    });
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    last.current = {
      ...last.current,
      scrollHeight: el.scrollHeight,
      atBottom: el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM_PX,
    };
    if (el.scrollTop < LOAD_OLDER_PX) void loadOlder(conversationId);
  };

  return (
    <div ref={ref} className="timeline" data-testid="timeline" onScroll={onScroll}>
      <div className="timeline__edge">
        {thread.loadingOlder
          ? t('conversation.load_older')
          : !thread.hasOlder && thread.phase === 'ready'
            ? t('conversation.start')
            : null}
      </div>
      <ol ref={listRef} className="timeline__list">
        {withoutSummarisedRuleSteps(thread.messages).map((message) => (
          <TimelineItem key={message.id} message={message} />
        ))}
      </ol>
    </div>
  );
}
