// Load generation and latency measurement shared by both targets.
import { performance } from 'node:perf_hooks';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/**
 * Sends `count` messages at `rate` per second (open loop: the schedule does not wait for answers)
 * and resolves with the latency of each, from send to arrival on the operator socket.
 */
export async function steadyRate({ send, socket, count, rate, textOf }) {
  const sentAt = new Map();
  const arrived = new Set();
  const latencies = [];
  let errors = 0;
  let duplicates = 0;
  let acknowledged = 0;
  const done = new Promise((resolve) => {
    socket.on('stream.event', (e) => {
      if (e.type !== 'message.created') return;
      const text = e.payload.message.text;
      // A message seen twice on the socket is a duplicate, whatever its latency.
      if (arrived.has(text)) duplicates++;
      const t = sentAt.get(text);
      if (t === undefined) return;
      arrived.add(text);
      latencies.push(performance.now() - t);
      sentAt.delete(e.payload.message.text);
      if (latencies.length + errors === count) resolve();
    });
  });
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const text = textOf(i);
    sentAt.set(text, performance.now());
    send(i, text).then(
      (status) => {
        if (status !== 200) errors++;
        else acknowledged++;
      },
      () => errors++,
    );
  }
  await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    sent: count,
    received: latencies.length,
    errors,
    acknowledged,
    duplicates,
    offeredRate: rate,
    achievedRate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

/** Closed loop with `concurrency` senders: how many messages per second reach the socket. */
export async function saturation({ send, socket, count, concurrency, textOf }) {
  let received = 0;
  const done = new Promise((resolve) => {
    socket.on('stream.event', (e) => {
      if (e.type === 'message.created' && String(e.payload.message.text).startsWith('sat-')) {
        received++;
        if (received === count) resolve();
      }
    });
  });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        await send(i, textOf(i));
      }
    }),
  );
  await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
  return { count, received, perSecond: received / ((performance.now() - start) / 1000) };
}
