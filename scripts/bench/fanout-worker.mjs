// A load-generator process for `npm run bench -- fanout`: holds a share of the sockets, so one
// client process receiving 500 copies of every event is not what the bench measures. Driven over
// IPC by scripts/bench/fanout.mjs; arrival times are on the shared clock (timeOrigin + now).
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const sockets = [];
/** Event text → arrival times on this process's operator sockets. */
const arrivals = new Map();
let listening = 0;
/** Every stream event the operator sockets received, and the types (how many each message costs). */
let received = 0;
const types = {};
const now = () => performance.timeOrigin + performance.now();

function open(url, auth, extraHeaders, listen) {
  const socket = io(url, {
    auth,
    extraHeaders,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  if (listen) {
    socket.on('stream.event', (e) => {
      received++;
      types[e.type] = (types[e.type] ?? 0) + 1;
      if (e.type !== 'message.created') return;
      const text = e.payload?.message?.text;
      if (typeof text !== 'string' || !text.startsWith('fanout-')) return;
      const t = now();
      const times = arrivals.get(text) ?? [];
      times.push(t);
      arrivals.set(text, times);
      if (times.length === listening) {
        arrivals.delete(text);
        process.send({ op: 'arrived', text, times });
      }
    });
  }
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', (err) => {
      process.send({ op: 'log', message: `connect_error: ${err.message}` });
      resolve(false);
    });
  });
}

/** Opens every socket, `concurrency` handshakes at a time; the operators' also listen. */
async function connectAll({ url, auths, extraHeaders, listen, concurrency }) {
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < auths.length) {
      const auth = auths[next++];
      if (!(await open(url, auth, extraHeaders, listen))) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  // Nothing is sent while sockets connect: only the ones that did are waited for.
  if (listen) listening += auths.length - failed;
  return { connected: auths.length - failed, failed };
}

process.on('message', async (msg) => {
  if (msg.op === 'connect') {
    const result = await connectAll(msg);
    process.send({ op: 'connected', ...result });
  } else if (msg.op === 'close') {
    for (const s of sockets) s.close();
    sockets.length = 0;
    listening = 0;
    arrivals.clear();
    process.send({ op: 'closed', received, types: { ...types } });
    received = 0;
    for (const t of Object.keys(types)) delete types[t];
  } else if (msg.op === 'exit') {
    process.exit(0);
  }
});
process.send({ op: 'ready' });
