import {
  OPERATOR_NAMESPACE,
  type OperatorClientToServerEvents,
  type OperatorServerToClientEvents,
  type StreamEvent,
} from '@switchboard/contracts';
import { io, type Socket } from 'socket.io-client';

export type OperatorClientSocket = Socket<
  OperatorServerToClientEvents,
  OperatorClientToServerEvents
>;

/** How a test socket signs in: like an API client (bearer) or like the SPA (cookie + CSRF). */
export type SocketCredentials = { token: string } | { cookie: string; csrfToken: string };

/** An operator's live connection that records what it receives, for assertions. */
export class RecordingOperatorSocket {
  readonly events: StreamEvent[] = [];
  readonly errors: Array<{ code: string; message: string }> = [];
  readonly resets: Array<{ cursor: number; reason: string }> = [];
  ready: { cursor: number } | null = null;
  readonly socket: OperatorClientSocket;

  private constructor(baseUrl: string, credentials: SocketCredentials, cursor?: number) {
    const auth: Record<string, unknown> =
      'token' in credentials ? { token: credentials.token } : { csrfToken: credentials.csrfToken };
    if (cursor !== undefined) auth['cursor'] = cursor;
    this.socket = io(`${baseUrl}${OPERATOR_NAMESPACE}`, {
      auth,
      // A browser sends its session cookie with the upgrade request; so does this client.
      extraHeaders: 'cookie' in credentials ? { cookie: credentials.cookie } : undefined,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket.on('stream.event', (e) => this.events.push(e));
    this.socket.on('stream.ready', (r) => (this.ready = r));
    this.socket.on('stream.reset', (r) => this.resets.push(r));
    this.socket.on('error', (e) => this.errors.push(e));
  }

  /** `credentials`: a bearer token, or a browser's session cookie with its CSRF token. */
  static async connect(
    baseUrl: string,
    credentials: string | SocketCredentials,
    cursor?: number,
  ): Promise<RecordingOperatorSocket> {
    const s = new RecordingOperatorSocket(
      baseUrl,
      typeof credentials === 'string' ? { token: credentials } : credentials,
      cursor,
    );
    // Ready, refused, or cut off before ready (a server killed or failing mid catch-up): never
    // left waiting for a 'stream.ready' that cannot come.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        s.close();
        reject(new Error('no stream.ready within 20 s'));
      }, 20_000);
      s.socket.once('stream.ready', () => {
        clearTimeout(timer);
        resolve();
      });
      s.socket.once('connect_error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      s.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        if (!s.ready) reject(new Error(`disconnected before stream.ready: ${reason}`));
      });
    });
    return s;
  }

  get lastCursor(): number {
    return this.events[this.events.length - 1]?.cursor ?? this.ready?.cursor ?? 0;
  }

  /** Waits until `predicate` holds for the received events, or fails after `timeoutMs`. */
  async waitFor(predicate: (events: StreamEvent[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const start = Date.now();
    while (!predicate(this.events)) {
      if (Date.now() - start > timeoutMs) {
        throw new Error(
          `Timed out; received ${this.events.map((e) => `${e.cursor}:${e.type}`).join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 5_000,
  stepMs = 50,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('eventually: condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
