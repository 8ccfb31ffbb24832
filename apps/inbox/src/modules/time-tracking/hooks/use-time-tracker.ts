import { TIME_HEARTBEAT_INTERVAL_SECONDS } from '@switchboard/contracts';
import { useEffect } from 'react';
import { timeApi } from '../api/time-api';
import { useTimeStore } from '../store/time-store';
import { ActiveTimeCounter } from '../utils/active-time-counter';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll', 'touchstart'];

/**
 * Measures the operator's active time on the open conversation and reports it: a heartbeat every
 * TIME_HEARTBEAT_INTERVAL_SECONDS, one when the conversation closes or another opens (unmount),
 * and one with `keepalive` when the page is hidden or goes away, so no counted second is lost.
 */
export function useTimeTracker(conversationId: string): void {
  useEffect(() => {
    const counter = new ActiveTimeCounter(Date.now());
    const tick = () =>
      counter.tick(Date.now(), {
        visible: document.visibilityState === 'visible',
        focused: document.hasFocus(),
      });
    const send = () => {
      tick();
      const seconds = counter.take();
      if (seconds === 0) return;
      void timeApi.heartbeat(conversationId, seconds).then(
        (answer) => useTimeStore.getState().beat(conversationId, answer),
        () => undefined,
      );
    };
    const sendBeforeLeaving = () => {
      tick();
      const seconds = counter.take();
      if (seconds > 0) timeApi.finalHeartbeat(conversationId, seconds);
    };
    const onInput = () => counter.input(Date.now());
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') sendBeforeLeaving();
      else tick();
    };
    // Counting starts from the next tick: time before the page came back is not counted.
    const onFocus = () => tick();

    for (const type of INPUT_EVENTS)
      window.addEventListener(type, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', tick);
    window.addEventListener('pagehide', sendBeforeLeaving);
    const ticker = window.setInterval(tick, 1000);
    const beater = window.setInterval(send, TIME_HEARTBEAT_INTERVAL_SECONDS * 1000);
    return () => {
      window.clearInterval(ticker);
      window.clearInterval(beater);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', tick);
      window.removeEventListener('pagehide', sendBeforeLeaving);
      send();
    };
  }, [conversationId]);
}
