// A lean HTTP/1.1 client for the open-loop overload bench: requests serialised to bytes before the
// load starts, sent over a bounded set of keep-alive connections, answers read with a small
// parser that keeps only the status, Retry-After and the end of the body. node:http's client
// allocates several objects per request; on two shared cores its garbage collector then paused
// the generator 5–30 ms about once a second, and every answer arriving meanwhile was timed that
// much late (docs/benchmarks.md, "Overload without collapse").
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const CRLF2 = Buffer.from('\r\n\r\n');

/** The bytes of one POST with a JSON body and `headers`. */
export function serialisePost({ host, port, path }, body, headers) {
  const lines = [
    `POST ${path} HTTP/1.1`,
    `Host: ${host}:${port}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * A pool of at most `connections` keep-alive connections to host:port. `send(bytes)` resolves with
 * {status, retryAfter, ms, wireMs} (`ms` from the call, `wireMs` from the request being handed to
 * the kernel), or {status: 0, error} when the connection failed; it never rejects.
 */
export function leanHttpPool({ host, port, connections }) {
  const idle = [];
  const waiting = [];
  let open = 0;

  function connection() {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    const conn = { socket, pending: null, buffer: Buffer.alloc(0), head: null, dead: false };
    socket.on('data', (chunk) => onData(conn, chunk));
    const fail = (err) => {
      if (conn.dead) return;
      conn.dead = true;
      open--;
      const p = conn.pending;
      conn.pending = null;
      p?.resolve({ status: 0, error: String(err?.code ?? err ?? 'closed'), ms: 0 });
      const next = waiting.shift();
      if (next) next(connection());
    };
    socket.on('error', fail);
    socket.on('close', () => fail('closed'));
    open++;
    return conn;
  }

  function acquire() {
    let conn = idle.pop();
    // A connection the server closed while idle is dropped here.
    while (conn?.dead) conn = idle.pop();
    if (conn) return Promise.resolve(conn);
    if (open < connections) return Promise.resolve(connection());
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(conn) {
    if (conn.dead) return;
    const next = waiting.shift();
    if (next) next(conn);
    else idle.push(conn);
  }

  // Reads one answer: the head up to CRLFCRLF, then Content-Length bytes (or chunks to the last).
  function onData(conn, chunk) {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
    for (;;) {
      if (!conn.head) {
        const end = conn.buffer.indexOf(CRLF2);
        if (end < 0) return;
        const text = conn.buffer.toString('latin1', 0, end);
        conn.buffer = conn.buffer.subarray(end + 4);
        const [statusLine, ...fields] = text.split('\r\n');
        const head = { status: Number(statusLine.split(' ')[1]), retryAfter: null, length: 0 };
        head.chunked = false;
        head.close = false;
        for (const field of fields) {
          const colon = field.indexOf(':');
          const name = field.slice(0, colon).trim().toLowerCase();
          const value = field.slice(colon + 1).trim();
          if (name === 'content-length') head.length = Number(value);
          else if (name === 'retry-after') head.retryAfter = value;
          else if (name === 'transfer-encoding') head.chunked = value.includes('chunked');
          else if (name === 'connection') head.close = value.toLowerCase() === 'close';
        }
        conn.head = head;
      }
      if (conn.head.chunked) {
        // Chunk sizes in hex, each chunk followed by CRLF; a zero-size chunk ends the body.
        const line = conn.buffer.indexOf('\r\n');
        if (line < 0) return;
        const size = parseInt(conn.buffer.toString('latin1', 0, line), 16);
        if (conn.buffer.length < line + 2 + size + 2) return;
        conn.buffer = conn.buffer.subarray(line + 2 + size + 2);
        if (size !== 0) continue;
      } else {
        if (conn.buffer.length < conn.head.length) return;
        conn.buffer = conn.buffer.subarray(conn.head.length);
      }
      const { status, retryAfter, close } = conn.head;
      conn.head = null;
      const p = conn.pending;
      conn.pending = null;
      const at = performance.now();
      if (close) conn.socket.end();
      else release(conn);
      p?.resolve({ status, retryAfter, ms: at - p.started, wireMs: at - (p.written ?? p.started) });
      if (!conn.buffer.length) return;
    }
  }

  function send(bytes) {
    const started = performance.now();
    return new Promise((resolve) => {
      void acquire().then((conn) => {
        if (conn.dead) return resolve({ status: 0, error: 'closed', ms: 0 });
        const p = { resolve, started, written: null };
        conn.pending = p;
        conn.socket.write(bytes, () => (p.written = performance.now()));
      });
    });
  }

  return {
    send,
    close: () => {
      for (const c of idle.splice(0)) c.socket.destroy();
    },
  };
}
