import { io, type Socket } from 'socket.io-client';
import {
  WIDGET_NAMESPACE,
  type VisitorContactDto,
  type VisitorMessageDto,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSocketErrorDto,
} from '../shared/widget-wire';

export type WidgetSocket = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

export interface LiveHandlers {
  /** `again` after a reconnect: fetch what arrived while we were away. */
  connected(again: boolean): void;
  disconnected(): void;
  message(message: VisitorMessageDto): void;
  read(until: string): void;
  contact(contact: VisitorContactDto): void;
  typing(typing: boolean, name: string | null): void;
  error(error: WidgetSocketErrorDto): void;
}

/** The visitor's live connection: operator messages, receipts, typing and refusals. */
export function openLiveSocket(
  apiBase: string,
  inboxId: string,
  visitorToken: string,
  on: LiveHandlers,
): WidgetSocket {
  const socket: WidgetSocket = io(`${apiBase}${WIDGET_NAMESPACE}`, {
    auth: { inboxId, visitorToken },
    // WebSocket only: no long-polling requests, and the handshake carries the page's Origin.
    transports: ['websocket'],
    withCredentials: false,
  });
  let connectedBefore = false;
  socket.on('connect', () => {
    on.connected(connectedBefore);
    connectedBefore = true;
  });
  socket.on('disconnect', () => on.disconnected());
  socket.on('message', (message) => on.message(message));
  socket.on('read', ({ until }) => on.read(until));
  socket.on('contact', (contact) => on.contact(contact));
  socket.on('error', (error) => on.error(error));
  socket.on('connect_error', (err: Error & { data?: WidgetSocketErrorDto }) => {
    // A refused handshake is not retried by socket.io itself; a full house frees up, so we do.
    const refusal = err.data;
    if (refusal?.code !== 'RATE_LIMITED') return;
    on.error(refusal);
    const wait = Math.max(1, refusal.retryAfterSeconds ?? 30) * 1000;
    setTimeout(() => socket.connect(), wait);
  });
  socket.on('typing', ({ typing, name }) => on.typing(typing, name));
  return socket;
}
