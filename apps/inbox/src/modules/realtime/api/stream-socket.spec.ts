import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { conversation, message, messageCreated } from '../../../test-support/fixtures';
import type { ConnectionStatus } from '../store/stream-store';
import { openStreamSocket, type StreamSocket } from './stream-socket';

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const event = (cursor: number) => messageCreated(cursor, message(), conversation());

let io: Server | null = null;
let client: StreamSocket | null = null;

afterEach(async () => {
  client?.close();
  await new Promise<void>((resolve) => (io ? io.close(() => resolve()) : resolve()));
});

describe('openStreamSocket against a real socket.io server', () => {
  it('resumes from the last applied cursor after every kind of drop, and reports a reset', async () => {
    const http = createServer();
    io = new Server(http, { path: '/socket.io' });
    const handshakes: unknown[] = [];
    const operators = io.of('/operators');
    operators.on('connection', (socket) => {
      handshakes.push(socket.handshake.auth);
      if (handshakes.length === 1) {
        socket.emit('stream.event', event(1));
        socket.emit('stream.event', event(2));
        socket.emit('stream.ready', { cursor: 2 });
      } else if (handshakes.length === 2) {
        socket.emit('stream.event', event(3));
        socket.emit('stream.ready', { cursor: 3 });
      } else {
        socket.emit('stream.reset', { cursor: 40, reason: 'cursor_expired' });
        socket.emit('stream.ready', { cursor: 40 });
      }
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;

    let cursor: number | null = null;
    const applied: number[] = [];
    const readies: [number, boolean][] = [];
    const resets: number[] = [];
    const statuses: ConnectionStatus[] = [];
    client = openStreamSocket({
      baseUrl: `http://127.0.0.1:${port}`,
      getCsrfToken: () => 'csrf-token',
      getCursor: () => cursor,
      onEvent: (e) => {
        applied.push(e.cursor);
        cursor = e.cursor;
      },
      onReady: (c, fresh) => readies.push([c, fresh]),
      onReset: (c) => {
        resets.push(c);
        cursor = c;
      },
      onStatus: (s) => statuses.push(s),
      onUnauthorized: () => undefined,
      onTyping: () => undefined,
    });

    await eventually(() => readies.length === 1);
    expect(handshakes[0]).toEqual({ csrfToken: 'csrf-token' });
    expect(readies[0]).toEqual([2, true]);

    // The server closes the socket (a restart or deploy): socket.io would not retry on its own.
    for (const socket of operators.sockets.values()) socket.disconnect(true);
    await eventually(() => readies.length === 2);
    expect(handshakes[1]).toEqual({ csrfToken: 'csrf-token', cursor: 2 });
    expect(readies[1]).toEqual([3, false]);

    // The transport breaks (network): the client reconnects with where it is now.
    for (const socket of operators.sockets.values()) socket.conn.close();
    await eventually(() => resets.length === 1);
    expect(handshakes[2]).toEqual({ csrfToken: 'csrf-token', cursor: 3 });
    expect(resets).toEqual([40]);
    expect(applied).toEqual([1, 2, 3]);
    expect(statuses).toContain('reconnecting');
    await eventually(() => statuses[statuses.length - 1] === 'live');
  });
});
