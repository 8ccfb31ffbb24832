// `npm run bench -- overload`: overload without collapse (issue 19, target 5). Saturation first
// (closed loop), then twice that rate offered open loop for 30 s: what completes, how fast the
// excess is refused (503 + Retry-After), whether everything acknowledged is stored, and how soon a
// probe's latency is normal again once the load stops. The raw floor goes through the same two
// phases at twice its own saturation. Writes its section into docs/benchmarks.md.
import { createHmac } from 'node:crypto';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { startBenchApi } from './bench-api.mjs';
import { leanHttpPool, serialisePost } from './lean-http-client.mjs';
import { percentile } from './load.mjs';
import { freePort } from '../lib/embedded-postgres.mjs';
import { startEdgeProxy } from '../lib/edge-proxy.mjs';
import { run } from '../lib/run.mjs';
import { writeSection } from './overload-report.mjs';

// The generator's own garbage collection runs on its main thread: V8's parallel scavenges wait for
// helper threads, and on two cores the servers keep busy that made a scavenge pause 5–30 ms, about
// once a second, during which every answer was timed late. Single-threaded ones took 3–5 ms.
if (!process.execArgv.includes('--single-threaded-gc')) {
  const again = spawnSync(
    process.execPath,
    ['--single-threaded-gc', ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const SECONDS = Number(process.env.BENCH_OVERLOAD_SECONDS ?? 30);
const FACTOR = Number(process.env.BENCH_OVERLOAD_FACTOR ?? 2);
const SAT_COUNT = Number(process.env.BENCH_OVERLOAD_SAT_COUNT ?? 4000);
const SAT_CONCURRENCY = 32;
const CONNECTIONS = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 256);
const RAW = process.env.BENCH_OVERLOAD_RAW !== '0';
// Switchboard as deployed (docker/nginx.conf in front) and the API alone, one after the other;
// BENCH_OVERLOAD_EDGE=only or =none runs one of the two.
const EDGE = process.env.BENCH_OVERLOAD_EDGE !== 'none';
const ALONE = process.env.BENCH_OVERLOAD_EDGE !== 'only';
// The edge's in-flight limit for one replica (docker/nginx.conf's is for two).
const EDGE_LIMIT = Number(process.env.BENCH_OVERLOAD_EDGE_LIMIT ?? 64);
// BENCH_OVERLOAD_ADMISSION=off: the API with admission control out of the way (the "before").
if (process.env.BENCH_OVERLOAD_ADMISSION === 'off')
  Object.assign(process.env, {
    INGEST_CONCURRENCY: '10000',
    INGEST_QUEUE: '100000',
    INGEST_MAX_WAIT_MS: '60000',
  });
const log = (...a) => console.log('[bench:overload]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Like a provider, over a bounded set of keep-alive connections (BENCH_OVERLOAD_CONNECTIONS, more
 * than the server admits and queues together): with one new connection per outstanding request,
 * as fetch does, a slow answer makes the generator open hundreds of connections, the listen
 * backlog overflows and SYN retries (1 s, 3 s, 7 s …) dominate every figure. A request waiting
 * here for a free connection is still timed from its scheduled send; `wireMs` is the part after
 * the request was written to its connection, so a refusal's time splits into the generator's wait
 * and the server's answer. Each URL gets its own pool (lean-http-client.mjs).
 *
 * `prepare(id, customer)` builds and signs a message's request as bytes, `send` posts a prepared
 * one and resolves with its status, Retry-After and round trip (never rejects). The open-loop
 * phase prepares every request before it starts, so the generator's CPU during the load is spent
 * sending and timing, not signing.
 */
function sender(url, sign) {
  const { hostname, port, pathname } = new URL(url);
  const pool = leanHttpPool({ host: hostname, port: Number(port), connections: CONNECTIONS });
  pools.push(pool);
  const prepare = (id, customer) => {
    const body = JSON.stringify({
      messages: [{ id, from: { id: `cust-${customer}` }, text: `overload ${id}` }],
    });
    return serialisePost({ host: hostname, port, path: pathname }, body, sign(body));
  };
  const one = (id, customer) => pool.send(prepare(id, customer));
  return Object.assign(one, { prepare, send: pool.send });
}
const pools = [];

/** Closed loop: `concurrency` senders, each sending the next message when its last is answered. */
async function saturation(send, prefix, count = SAT_COUNT) {
  let next = 0;
  let acked = 0;
  let other = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: SAT_CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const r = await send(`${prefix}-sat-${i}`, i % 2000);
        if (r.status === 200) acked++;
        else other++;
      }
    }),
  );
  return { acked, other, perSecond: acked / ((performance.now() - start) / 1000) };
}

/** Sequential probes at rest: what "normal latency" is on this machine. */
async function restLatency(send, prefix, n = 50) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const r = await send(`${prefix}-rest-${i}`, 5000 + i);
    if (r.status === 200) times.push(r.ms);
    await sleep(10);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * Open loop at `rate` for SECONDS: sends on schedule whatever the answers. Right after the last
 * send, probes every 20 ms until five in a row are back under `normalMs`.
 */
async function overload(send, prefix, rate, normalMs, healthUrl) {
  const answers = [];
  const pending = [];
  const total = Math.round(rate * SECONDS);
  const prepared = Array.from({ length: total }, (_, k) =>
    send.prepare(`${prefix}-ov-${k}`, k % 2000),
  );
  const health = [];
  let sending = true;
  const healthProbe = (async () => {
    while (healthUrl && sending) {
      const t = performance.now();
      const res = await fetch(healthUrl).catch(() => null);
      await res?.arrayBuffer();
      health.push({ ok: res?.status === 200, ms: performance.now() - t });
      await sleep(100);
    }
  })();
  // The generator's own event loop delay is part of every time it measures: shown beside them.
  const generatorLag = monitorEventLoopDelay({ resolution: 5 });
  generatorLag.enable();
  const start = performance.now();
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    for (; i < due; i++) {
      const id = `${prefix}-ov-${i}`;
      pending.push(
        send
          .send(prepared[i])
          .then((r) => answers.push({ id, ...r, at: performance.now() - start })),
      );
    }
    await sleep(1);
  }
  const stoppedAt = performance.now();
  generatorLag.disable();
  sending = false;
  const offeredRate = total / ((stoppedAt - start) / 1000);

  // Recovery: from the end of the load to the first of five consecutive normal probes.
  let recoveryMs = NaN;
  const probes = [];
  for (let k = 0, streak = 0; performance.now() - stoppedAt < 15_000; k++) {
    const sentAt = performance.now() - stoppedAt;
    const r = await send(`${prefix}-probe-${k}`, 7000 + k);
    probes.push({ sentAt, ...r });
    streak = r.status === 200 && r.ms <= normalMs ? streak + 1 : 0;
    if (streak === 5) {
      recoveryMs = probes[probes.length - 5].sentAt;
      break;
    }
    await sleep(20);
  }
  await Promise.race([Promise.all(pending), sleep(60_000)]);
  await healthProbe;

  const window = (stoppedAt - start) / 1000;
  const ok = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status === 503);
  const others = answers.filter((a) => a.status !== 200 && a.status !== 503);
  const sorted = (xs) => xs.map((a) => a.ms).sort((a, b) => a - b);
  const okMs = sorted(ok);
  const refusedMs = sorted(refused);
  const refusedWireMs = refused.map((a) => a.wireMs).sort((a, b) => a - b);
  const healthMs = health.map((h) => h.ms).sort((a, b) => a - b);
  return {
    offered: total,
    offeredRate,
    answered: answers.length,
    unanswered: total - answers.length,
    acked: ok.length,
    ackedIds: ok.map((a) => a.id),
    refusedIds: refused.map((a) => a.id),
    completedRate: ok.filter((a) => a.at <= stoppedAt - start).length / window,
    okP50: percentile(okMs, 50),
    okP99: percentile(okMs, 99),
    refused: refused.length,
    refusedWithRetryAfter: refused.filter((a) => a.retryAfter).length,
    refusedP50: percentile(refusedMs, 50),
    refusedP99: percentile(refusedMs, 99),
    refusedMax: refusedMs[refusedMs.length - 1],
    refusedWithin10: refusedMs.filter((t) => t < 10).length,
    refusedOver500: refusedMs.filter((t) => t >= 500).length,
    refusedWireP50: percentile(refusedWireMs, 50),
    refusedWireP99: percentile(refusedWireMs, 99),
    others: others.length,
    otherKinds: [...new Set(others.map((a) => a.error ?? String(a.status)))].slice(0, 5),
    generatorLagP99: generatorLag.percentile(99) / 1e6,
    healthP99: percentile(healthMs, 99),
    healthFailed: health.filter((h) => !h.ok).length,
    recoveryMs,
    probes: probes.length,
  };
}

/** How many of `ids` the database holds (one query per 10 000). */
async function storedCount(db, table, ids) {
  let n = 0;
  for (let k = 0; k < ids.length; k += 10_000) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE external_id = ANY($1)`,
      [ids.slice(k, k + 10_000)],
    );
    n += rows[0].n;
  }
  return n;
}

async function phases(name, send, db, table, healthUrl) {
  const prefix = `${name}-${Date.now()}`;
  log(`${name}: warm-up and rest latency`);
  await saturation(send, `${prefix}-warm`, Math.min(500, SAT_COUNT));
  const rest = await restLatency(send, prefix);
  const normalMs = Math.max(2 * rest.p99, 5);
  log(`${name}: saturation (${SAT_CONCURRENCY} senders, ${SAT_COUNT} messages)`);
  const sat = await saturation(send, prefix);
  const rate = Math.round(FACTOR * sat.perSecond);
  log(
    `${name}: saturation ${sat.perSecond.toFixed(0)} msg/s; offering ${rate} msg/s for ${SECONDS} s`,
  );
  const load = loadavg()[0];
  const ov = await overload(send, prefix, rate, normalMs, healthUrl);
  const storedAcked = await storedCount(db, table, ov.ackedIds);
  const storedRefused = await storedCount(db, table, ov.refusedIds);
  const { ackedIds, refusedIds, ...summary } = ov;
  const result = { rest, normalMs, sat, rate, load, ...summary, storedAcked, storedRefused };
  log(name, JSON.stringify(result));
  return result;
}

/**
 * nginx's own time for the refusals it answered itself (`$request_time`, from the first byte read
 * to the last written, millisecond resolution; no upstream time): the server's side of a 503.
 */
function edgeRefusalTimes(file) {
  const times = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([status, , upstream]) => status === '503' && upstream === '-')
    .map(([, seconds]) => Number(seconds) * 1000)
    .sort((a, b) => a - b);
  rmSync(file, { force: true });
  return {
    count: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1),
  };
}

const edgeTimingLog = `/tmp/sb-bench-edge-${process.pid}.log`;
const results = {};
const api = await startBenchApi('overload');
let edge = null;
try {
  // The production proxy in front, as deployed (docker/): it refuses the excess itself.
  if (EDGE)
    edge = await startEdgeProxy({
      upstreams: [new URL(api.base).host],
      ingestLimit: EDGE_LIMIT,
      timingLog: edgeTimingLog,
    });
  const secret = 'bench-signing-secret-0123456789';
  const inbox = await (
    await fetch(`${api.base}/api/inboxes`, {
      method: 'POST',
      headers: api.auth,
      body: JSON.stringify({ kind: 'api', name: 'Bench', secrets: { signingSecret: secret } }),
    })
  ).json();
  const sign = (body) => {
    const ts = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex');
    return { 'x-switchboard-timestamp': String(ts), 'x-switchboard-signature': `sha256=${sig}` };
  };
  // Switchboard through a front URL: its webhooks, and its health probed the same way.
  const through = (name, base) =>
    phases(
      name,
      sender(`${base}/api/webhooks/${inbox.id}`, sign),
      api.db,
      'messages',
      `${base}/api/health`,
    );
  if (edge) {
    results.sb = await through('sb', edge.base);
    await edge.stop();
    edge = null;
    results.sb.edgeRefusals = edgeRefusalTimes(edgeTimingLog);
  }
  if (ALONE) results.alone = await through('alone', api.base);

  if (RAW) {
    // The raw floor on a database of its own beside the API's.
    const rawDb = `sb_bench_overload_raw_${api.stamp}`;
    await api.db.query(`CREATE DATABASE ${rawDb}`);
    const rawUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: `/${rawDb}` });
    const port = await freePort();
    const raw = fork('scripts/bench/raw-floor-server.mjs', [], {
      env: { ...process.env, DATABASE_URL: rawUrl.toString(), PORT: String(port) },
    });
    const rawPg = new pg.Client({ connectionString: rawUrl.toString() });
    try {
      await new Promise((r) => raw.once('message', r));
      await rawPg.connect();
      const plain = sender(`http://127.0.0.1:${port}/ingest`, () => ({}));
      results.raw = await phases('raw', plain, rawPg, 'raw_messages', null);
    } finally {
      await rawPg.end().catch(() => undefined);
      raw.kill('SIGTERM');
      await new Promise((r) => raw.once('exit', r));
      await api.db.query(`DROP DATABASE IF EXISTS ${rawDb} WITH (FORCE)`).catch(() => undefined);
    }
  }
} finally {
  for (const pool of pools) pool.close();
  await edge?.stop();
  await api.stop({ dropDatabase: true });
}

const opts = {
  connections: CONNECTIONS,
  seconds: SECONDS,
  factor: FACTOR,
  satCount: SAT_COUNT,
  satConcurrency: SAT_CONCURRENCY,
  embedded: api.embedded,
  admission: process.env.BENCH_OVERLOAD_ADMISSION !== 'off',
  edgeLimit: EDGE ? EDGE_LIMIT : null,
  machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};
// Kept, so the section can be written again from these figures without running it all again.
writeFileSync(`/tmp/sb-bench-overload-${process.pid}.json`, JSON.stringify({ results, opts }));
log(`figures kept in /tmp/sb-bench-overload-${process.pid}.json`);
writeSection(results, opts);
if (process.env.BENCH_OVERLOAD_WRITE !== '0')
  await run('npx', ['prettier', '--write', process.env.BENCH_DOC ?? 'docs/benchmarks.md']);
process.exit(0);
