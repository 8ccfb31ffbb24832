import { useCallback, useEffect, useRef } from 'react';
import { currentStreamSocket } from '../../realtime/hooks/use-stream-connection';

/** Re-announce typing at most this often while keys keep coming. */
const REPEAT_MS = 2_000;
/** Stop announcing this long after the last key. */
const IDLE_MS = 3_000;

/**
 * Tells the customer (and colleagues) that the operator is typing in this conversation: one signal
 * per couple of seconds while typing, and "stopped" after a pause, on send, or on leaving.
 */
export function useTypingSignal(conversationId: string): {
  typed: () => void;
  stopped: () => void;
} {
  const lastSent = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef(false);

  const stopped = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (!active.current) return;
    active.current = false;
    lastSent.current = 0;
    currentStreamSocket()?.setTyping(conversationId, false);
  }, [conversationId]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current >= REPEAT_MS) {
      lastSent.current = now;
      active.current = true;
      currentStreamSocket()?.setTyping(conversationId, true);
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopped, IDLE_MS);
  }, [conversationId, stopped]);

  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
