import type {
  ConversationViewersSignal,
  OperatorClientToServerEvents,
  OperatorHandshakeAuth,
  OperatorServerToClientEvents,
  PresenceStatus,
  StreamEvent,
  TypingSignal,
  ViewingRequest,
} from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';
import type { ConnectionStatus } from '../store/stream-store';

// Mirrors OPERATOR_NAMESPACE in the contracts (only types are imported from there).
const NAMESPACE = '/operators';
const RETRY_DELAY_MS = 1_000;

export interface StreamSocketHandlers {
  /** Origin of the API; the page's own origin when omitted (the API serves the SPA). */
  baseUrl?: string;
  /** The session's CSRF token: the handshake carries it, the browser adds the session cookie. */
  getCsrfToken: () => string | null;
  getCursor: () => number | null;
  onEvent: (event: StreamEvent) => void;
  /** `fresh` is true when this connection started without a cursor (nothing to resume from). */
  onReady: (cursor: number, fresh: boolean) => void;
  onReset: (cursor: number) => void;
  onStatus: (status: ConnectionStatus) => void;
  onUnauthorized: () => void;
  onTyping: (signal: TypingSignal) => void;
  onViewers?: (signal: ConversationViewersSignal) => void;
}

export interface StreamSocket {
  setPresence: (status: PresenceStatus) => void;
  setTyping: (conversationId: string, typing: boolean) => void;
  /** Which conversation this tab has open (null: none), repeated as a heartbeat. */
  setViewing: (request: ViewingRequest) => void;
  close: () => void;
}

function isAuthError(error: Error & { data?: unknown }): boolean {
  const data = error.data as { code?: unknown } | undefined;
  return /unauth/i.test(error.message) || data?.code === 'UNAUTHENTICATED';
}

/**
 * The live stream: resumes from the last applied cursor on every (re)connect, so after any drop the
 * server replays exactly what was missed.
 */
export function openStreamSocket(handlers: StreamSocketHandlers): StreamSocket {
  let connectedWithCursor = false;
  let closed = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const socket: Socket<OperatorServerToClientEvents, OperatorClientToServerEvents> = io(
    `${handlers.baseUrl ?? ''}${NAMESPACE}`,
    {
      path: '/socket.io',
      transports: ['websocket'],
      withCredentials: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      // A handshake that neither completes nor fails (half-open proxy) is retried after this long.
      timeout: 10_000,
      auth: (cb) => {
        const cursor = handlers.getCursor();
        connectedWithCursor = cursor !== null;
        const auth: OperatorHandshakeAuth = { csrfToken: handlers.getCsrfToken() ?? '' };
        if (cursor !== null) auth.cursor = cursor;
        cb({ ...auth });
      },
    },
  );

  const retryLater = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!closed && !socket.connected) socket.connect();
    }, RETRY_DELAY_MS);
  };

  handlers.onStatus('connecting');
  socket.on('connect', () => handlers.onStatus('catching_up'));
  socket.on('stream.event', (event) => handlers.onEvent(event));
  socket.on('stream.ready', ({ cursor }) => {
    handlers.onReady(cursor, !connectedWithCursor);
    handlers.onStatus('live');
  });
  socket.on('stream.reset', ({ cursor }) => handlers.onReset(cursor));
  socket.on('typing', (signal) => handlers.onTyping(signal));
  socket.on('viewers', (signal) => handlers.onViewers?.(signal));
  socket.on('error', (error) => {
    if (error.code === 'UNAUTHENTICATED') handlers.onUnauthorized();
  });
  socket.on('disconnect', (reason) => {
    if (closed) return;
    handlers.onStatus('reconnecting');
    // The server closing us is not retried by socket.io on its own.
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (error) => {
    if (isAuthError(error)) {
      handlers.onUnauthorized();
      return;
    }
    handlers.onStatus('reconnecting');
    if (!socket.active) retryLater();
  });

  const wake = () => {
    if (!closed && !socket.connected) socket.connect();
  };
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', wake);

  return {
    setPresence: (status) => socket.emit('presence.set', { status }),
    setTyping: (conversationId, typing) => socket.emit('typing', { conversationId, typing }),
    setViewing: (request) => {
      if (socket.connected) socket.emit('viewing', request);
    },
    close: () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
      socket.disconnect();
    },
  };
}
