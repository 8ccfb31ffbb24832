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

/** An operator's live connection that records what it receives, for assertions. */
export class RecordingOperatorSocket {
  readonly events: StreamEvent[] = [];
  readonly errors: Array<{ code: string; message: string }> = [];
  readonly resets: Array<{ cursor: number; reason: string }> = [];
  ready: { cursor: number } | null = null;
  readonly socket: OperatorClientSocket;

  private constructor(baseUrl: string, token: string, cursor?: number) {
    this.socket = io(`${baseUrl}${OPERATOR_NAMESPACE}`, {
      auth: cursor === undefined ? { token } : { token, cursor },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket.on('stream.event', (e) => this.events.push(e));
    this.socket.on('stream.ready', (r) => (this.ready = r));
    this.socket.on('stream.reset', (r) => this.resets.push(r));
    this.socket.on('error', (e) => this.errors.push(e));
  }

  static async connect(
    baseUrl: string,
    token: string,
    cursor?: number,
  ): Promise<RecordingOperatorSocket> {
    const s = new RecordingOperatorSocket(baseUrl, token, cursor);
    await new Promise<void>((resolve, reject) => {
      s.socket.once('stream.ready', () => resolve());
      s.socket.once('connect_error', (err) => reject(err));
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
