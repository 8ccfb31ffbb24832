import { useEffect } from 'react';
import { useStreamStore } from '../../realtime/store/stream-store';
import { useNowStore } from '../store/now-store';
import { throttle } from '../utils/throttle';

/** Stream events come in bursts (a drain assigns dozens): one re-read per 2 s is live enough. */
export const NOW_THROTTLE_MS = 2_000;
/** Presence and waiting times change without events that concern us: re-read twice a minute. */
export const NOW_POLL_MS = 30_000;

/**
 * Keeps the "now" panel live while it is on screen: read on mount, on stream events (each applied
 * event advances the stream cursor), throttled, and every 30 s.
 */
export function useLiveNow(): void {
  useEffect(() => {
    const refresh = () => void useNowStore.getState().refresh();
    const throttled = throttle(refresh, NOW_THROTTLE_MS);
    throttled.call();
    const unsubscribe = useStreamStore.subscribe((state, previous) => {
      if (state.lastCursor !== previous.lastCursor) throttled.call();
    });
    const timer = setInterval(throttled.call, NOW_POLL_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
      throttled.cancel();
    };
  }, []);
}
