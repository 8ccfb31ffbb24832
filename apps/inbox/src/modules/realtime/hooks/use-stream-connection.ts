import { useEffect } from 'react';
import { useAuthStore } from '../../auth/store/auth-store';
import { openStreamSocket, type StreamSocket } from '../api/stream-socket';
import { applyStreamEvent } from '../store/stream-actions';
import { useStreamStore } from '../store/stream-store';
import { useTypingStore } from '../store/typing-store';
import { useViewersStore } from '../store/viewers-store';

let active: StreamSocket | null = null;

/** The live socket, for the few places that send on it (presence, typing). */
export function currentStreamSocket(): StreamSocket | null {
  return active;
}

/**
 * Keeps one stream connection open while the operator is signed in. `resync` reloads the screen
 * over REST when the stream cannot replay what was missed (first connection, stream.reset).
 */
export function useStreamConnection(csrfToken: string | null, resync: () => void): void {
  useEffect(() => {
    if (!csrfToken) return undefined;
    const stream = useStreamStore.getState();
    const socket = openStreamSocket({
      getCsrfToken: () => useAuthStore.getState().csrfToken,
      getCursor: () => useStreamStore.getState().lastCursor,
      onEvent: (event) => void applyStreamEvent(event),
      onReady: (cursor, fresh) => {
        // The server starts each connection as online; restore an "away" the operator chose.
        if (useAuthStore.getState().presence !== 'online')
          socket.setPresence(useAuthStore.getState().presence);
        // Nothing to resume from: take the server's position and load the screen over REST.
        if (fresh) {
          stream.resetTo(cursor);
          resync();
        }
      },
      onReset: (cursor) => {
        stream.resetTo(cursor);
        resync();
      },
      onStatus: (status) => useStreamStore.getState().setStatus(status),
      onUnauthorized: () => useAuthStore.getState().expire(),
      onTyping: (signal) => useTypingStore.getState().receive(signal),
      onViewers: (signal) => useViewersStore.getState().receive(signal),
    });
    active = socket;
    const unsubscribe = useAuthStore.subscribe((state, previous) => {
      if (state.presence !== previous.presence) socket.setPresence(state.presence);
    });
    return () => {
      unsubscribe();
      socket.close();
      active = null;
      useStreamStore.getState().clear();
      useTypingStore.getState().reset();
      useViewersStore.getState().reset();
    };
  }, [csrfToken, resync]);
}
