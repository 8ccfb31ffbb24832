import { useEffect } from 'react';
import { useConversationStore } from '../../conversation/store/conversation-store';
import { useSearchFocusStore } from '../store/search-focus-store';

const HIT_ATTRIBUTE = 'data-search-hit';

/** The timeline keeps itself at the bottom while it grows; check again this often, this long. */
const RECHECK_MS = 50;
const RECHECK_FOR_MS = 1_500;

function inView(element: Element): boolean {
  const box = element.getBoundingClientRect();
  const timeline = element.closest('[data-testid=timeline]')?.getBoundingClientRect();
  return !timeline || (box.top >= timeline.top && box.bottom <= timeline.bottom + 1);
}

/** Scrolls to the message, again while a timeline that was at its bottom still pulls it there. */
function keepInView(element: Element, until: number) {
  if (!element.isConnected) return;
  if (!inView(element)) element.scrollIntoView({ block: 'center' });
  if (Date.now() < until) setTimeout(() => keepInView(element, until), RECHECK_MS);
}

/** Outlines the message a search result opened (and no other) and brings it into view. */
function showMessage(messageId: string): boolean {
  const element = document.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`);
  if (!element) return false;
  for (const other of document.querySelectorAll(`[${HIT_ATTRIBUTE}]`))
    other.removeAttribute(HIT_ATTRIBUTE);
  element.setAttribute(HIT_ATTRIBUTE, 'true');
  element.scrollIntoView({ block: 'center' });
  keepInView(element, Date.now() + RECHECK_FOR_MS);
  return true;
}

/**
 * Opens a search result at its matching message: loads older pages of the timeline until that
 * message is in it (it may be years back), then scrolls to it and marks it.
 */
export function useOpenAtMessage(): void {
  const target = useSearchFocusStore((s) => s.target);
  const selectedId = useConversationStore((s) => s.selectedId);
  const thread = useConversationStore((s) =>
    target ? s.threads[target.conversationId] : undefined,
  );

  useEffect(() => {
    if (!target) return undefined;
    // The operator opened something else meanwhile: forget the target.
    if (selectedId !== target.conversationId) {
      if (selectedId !== null) useSearchFocusStore.getState().clear();
      return undefined;
    }
    if (!thread || thread.phase !== 'ready') return undefined;
    if (thread.messages.some((m) => m.id === target.messageId)) {
      // After the timeline has rendered (and scrolled itself to the bottom).
      const frame = requestAnimationFrame(() => {
        if (showMessage(target.messageId)) useSearchFocusStore.getState().clear();
      });
      return () => cancelAnimationFrame(frame);
    }
    if (thread.hasOlder) {
      if (!thread.loadingOlder)
        void useConversationStore.getState().loadOlder(target.conversationId);
    } else useSearchFocusStore.getState().clear();
    return undefined;
  }, [target, selectedId, thread]);
}
