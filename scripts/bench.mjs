#!/usr/bin/env node
// `npm run bench`: Switchboard against the raw floor (plain http + pg + socket.io) in the same run,
// then the open feed on 1 M conversations. Writes its figures into docs/benchmarks.md.
import { createHmac } from 'node:crypto';
import { fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { io } from 'socket.io-client';
import { startEmbeddedPostgres, freePort } from './lib/embedded-postgres.mjs';
import { run } from './lib/run.mjs';
import { percentile, saturation, steadyRate } from './bench/load.mjs';
import { cpuPerMessage, cpuReading } from './bench/process-cpu.mjs';
import { historyRows, historyTable } from './bench/history.mjs';
import { resetStatementCosts, statementCosts, statementTable } from './bench/statement-costs.mjs';
import { profileLine, summariseCpuProfile } from './bench/cpu-profile-summary.mjs';

// `npm run bench -- search`: only search over 10 M messages (it writes its own section).
if (process.argv.includes('search')) await import('./bench/search.mjs');
// `npm run bench -- rules`: only the automation rules engine's cost per message.
if (process.argv.includes('rules')) await import('./bench/rules.mjs');
// `npm run bench -- reports`: only 90-day reports over 1 M conversations' facts.
if (process.argv.includes('reports')) await import('./bench/reports.mjs');
// `npm run bench -- static`: only the inbox's and the widget's first load in Chromium.
if (process.argv.includes('static')) await import('./bench/static.mjs');

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const log = (...a) => console.log('[bench]', ...a);

if ((await run('npx', ['nx', 'build', 'api', '--outputStyle=static'])) !== 0) process.exit(1);

let embedded = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({
    dataDir: `/tmp/switchboard-bench-pg-${process.pid}`,
    persistent: false,
    // What each statement costs, read during saturation (a few % of overhead, the same for both).
    flags: [
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'pg_stat_statements.track=all',
    ],
  });
  process.env.DATABASE_URL = embedded.url;
}
const admin = process.env.DATABASE_URL;
const stamp = Date.now();
const dbUrl = (name) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
async function sql(url, text, params) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

const children = [];
async function waitHealthy(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became healthy`);
}

function connect(url, auth) {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

// 2 000 customers: at 500 msg/s each writes about every 4 s, closer to real traffic than a few
// customers hammering their own conversation rows. A new `customers` prefix makes them all new:
// their first messages (a contact, an identity and a conversation each) are part of the run.
function signedSender(base, inboxId, secret, customers = 'cust') {
  return async (i, text) => {
    const body = JSON.stringify({
      messages: [{ id: `m-${stamp}-${text}`, from: { id: `${customers}-${i % 2000}` }, text }],
    });
    const ts = Math.floor(Date.now() / 1000);
    const sig = `sha256=${createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex')}`;
    const res = await fetch(`${base}/api/webhooks/${inboxId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchboard-timestamp': String(ts),
        'x-switchboard-signature': sig,
      },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  };
}

function plainSender(base, customers = 'cust') {
  return async (i, text) => {
    const body = JSON.stringify({
      messages: [{ id: `m-${stamp}-${text}`, from: { id: `${customers}-${i % 2000}` }, text }],
    });
    const res = await fetch(`${base}/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  };
}

/**
 * Warm-up, then the steady rate from 2 000 customers who never wrote before, then saturation.
 * `stored(prefix)` counts the rows (all, distinct) the database holds for a phase's messages.
 */
async function measure(name, senderFor, socket, { stored, cpu, statements }) {
  log(`${name}: warm-up`);
  const warm = senderFor('cust');
  await steadyRate({
    send: warm,
    socket,
    count: 300,
    rate: 200,
    textOf: (i) => `${name}-warm-${i}`,
  });
  log(`${name}: ${RATE} msg/s for ${SECONDS} s`);
  const steady = await steadyRate({
    send: senderFor(`new-${name}-${stamp}`),
    socket,
    count: RATE * SECONDS,
    rate: RATE,
    textOf: (i) => `${name}-steady-${i}`,
  });
  steady.inDatabase = await stored(`${name}-steady-`);
  log(`${name}: saturation`);
  const tracked = statements ? await resetStatementCosts(statements) : false;
  const before = cpu();
  const sat = await saturation({
    send: warm,
    socket,
    count: 4000,
    concurrency: 32,
    textOf: (i) => `sat-${name}-${i}`,
  });
  sat.cpu = cpuPerMessage(before, cpu(), sat.received);
  sat.statements = tracked ? await statementCosts(statements, sat.received) : [];
  socket.removeAllListeners('stream.event');
  return { steady, sat };
}

const results = {};
try {
  // --- Switchboard ---------------------------------------------------------------------------
  const apiDb = `sb_bench_${stamp}`;
  await sql(admin, `CREATE DATABASE ${apiDb}`);
  const apiPort = await freePort();
  // BENCH_PROFILE=1: a V8 CPU profile of the API for the whole run, summarised in the report.
  const profileDir = `/tmp/sb-bench-cpu-${stamp}`;
  const profileArgs = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
    : [];
  const api = spawn(process.execPath, [...profileArgs, 'dist/apps/api/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl(apiDb),
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      ADMIN_EMAIL: 'bench@switchboard.local',
      ADMIN_PASSWORD: 'bench-password-1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      STORAGE_DIR: `/tmp/sb-bench-files-${stamp}`,
    },
  });
  children.push(api);
  const base = `http://127.0.0.1:${apiPort}`;
  await waitHealthy(`${base}/api/health`);
  const login = await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@switchboard.local', password: 'bench-password-1' }),
    })
  ).json();
  const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
  const secret = 'bench-signing-secret-0123456789';
  const inbox = await (
    await fetch(`${base}/api/inboxes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'api', name: 'Bench', secrets: { signingSecret: secret } }),
    })
  ).json();
  const opSocket = await connect(`${base}/operators`, { token: login.token });
  const pgDir = embedded?.dir;
  results.switchboard = await measure(
    'sb',
    (customers) => signedSender(base, inbox.id, secret, customers),
    opSocket,
    {
      stored: async (prefix) =>
        (
          await sql(
            dbUrl(apiDb),
            `SELECT count(*)::int AS rows, count(DISTINCT external_id)::int AS distinct FROM messages
              WHERE external_id LIKE $1`,
            [`m-${stamp}-${prefix}%`],
          )
        ).rows[0],
      cpu: () => cpuReading({ serverPid: api.pid, dataDir: pgDir }),
      statements: dbUrl(apiDb),
    },
  );
  opSocket.close();

  // --- Raw floor -----------------------------------------------------------------------------
  const rawDb = `sb_bench_raw_${stamp}`;
  await sql(admin, `CREATE DATABASE ${rawDb}`);
  const rawPort = await freePort();
  const raw = fork('scripts/bench/raw-floor-server.mjs', [], {
    env: { ...process.env, DATABASE_URL: dbUrl(rawDb), PORT: String(rawPort) },
  });
  children.push(raw);
  await new Promise((r) => raw.once('message', r));
  const rawSocket = await connect(`http://127.0.0.1:${rawPort}`, {});
  results.raw = await measure(
    'raw',
    (customers) => plainSender(`http://127.0.0.1:${rawPort}`, customers),
    rawSocket,
    {
      stored: async (prefix) =>
        (
          await sql(
            dbUrl(rawDb),
            `SELECT count(*)::int AS rows, count(DISTINCT external_id)::int AS distinct
               FROM raw_messages WHERE external_id LIKE $1`,
            [`m-${stamp}-${prefix}%`],
          )
        ).rows[0],
      cpu: () => cpuReading({ serverPid: raw.pid, dataDir: pgDir }),
    },
  );
  rawSocket.close();
  raw.kill('SIGTERM');

  // --- Feed pages on 1 M conversations ---------------------------------------------------------
  log(`seeding ${CONVERSATIONS} conversations`);
  const seedStart = performance.now();
  const account = (
    await sql(dbUrl(apiDb), 'SELECT account_id FROM inboxes WHERE id = $1', [inbox.id])
  ).rows[0].account_id;
  await sql(
    dbUrl(apiDb),
    `SET synchronous_commit = off;
     INSERT INTO contacts (id, account_id, name, email)
       SELECT md5('c' || g)::uuid, '${account}', 'Customer ' || g, 'c' || g || '@bench.test' FROM generate_series(1, ${CONVERSATIONS}) g;
     INSERT INTO contact_identities (id, account_id, contact_id, inbox_id, external_id)
       SELECT md5('i' || g)::uuid, '${account}', md5('c' || g)::uuid, '${inbox.id}', 'seed-' || g FROM generate_series(1, ${CONVERSATIONS}) g;
     INSERT INTO conversations (id, account_id, number, inbox_id, contact_id, identity_id, status, snoozed_until,
                                last_activity_at, last_message_preview, last_message_direction, created_at)
       SELECT md5('v' || g)::uuid, '${account}', 2000000 + g, '${inbox.id}', md5('c' || g)::uuid, md5('i' || g)::uuid,
              CASE WHEN g % 10 < 2 THEN 'open' WHEN g % 10 = 2 THEN 'snoozed' ELSE 'closed' END,
              CASE WHEN g % 10 = 2 THEN now() + interval '30 days' END,
              now() - make_interval(secs => g), 'Seeded message ' || g, 'incoming', now() - make_interval(secs => g)
         FROM generate_series(1, ${CONVERSATIONS}) g;
     ANALYZE;`,
  );
  results.seedSeconds = (performance.now() - seedStart) / 1000;
  const page = async (cursor) => {
    const t = performance.now();
    const res = await fetch(
      `${base}/api/conversations?status=open&limit=30${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: auth },
    );
    const body = await res.json();
    return { ms: performance.now() - t, body };
  };
  let cursor = null;
  for (let i = 1; i < 100; i++) cursor = (await page(cursor)).body.nextCursor;
  const timePage = async (c) => {
    const times = [];
    for (let i = 0; i < 200; i++) times.push((await page(c)).ms);
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  results.firstPage = await timePage(null);
  results.page100 = await timePage(cursor);
  // A long conversation: 5 000 messages, the latest page as the timeline opens it.
  const long = (
    await sql(
      dbUrl(apiDb),
      `WITH c AS (SELECT id, account_id, inbox_id, contact_id FROM conversations WHERE number = 2000001)
       INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type,
                             sender_contact_id, text, created_at)
       SELECT c.account_id, c.id, c.inbox_id, CASE WHEN g % 2 = 0 THEN 'incoming' ELSE 'outgoing' END,
              'message', CASE WHEN g % 2 = 0 THEN 'contact' ELSE 'system' END,
              CASE WHEN g % 2 = 0 THEN c.contact_id END, 'Long thread message ' || g,
              now() - make_interval(secs => 5000 - g)
         FROM c, generate_series(1, 5000) g
       RETURNING conversation_id`,
    )
  ).rows[0].conversation_id;
  await sql(dbUrl(apiDb), 'ANALYZE messages');
  const timeline = [];
  for (let i = 0; i < 220; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/conversations/${long}/messages?limit=50`, {
      headers: auth,
    });
    const body = await res.json();
    if (i === 0 && body.items?.length !== 50)
      throw new Error(`timeline page: ${JSON.stringify(body).slice(0, 200)}`);
    if (i >= 20) timeline.push(performance.now() - t);
  }
  timeline.sort((a, b) => a - b);
  results.timeline = { p50: percentile(timeline, 50), p95: percentile(timeline, 95) };
  results.openCount = (
    await sql(dbUrl(apiDb), `SELECT count(*)::int AS n FROM conversations WHERE status = 'open'`)
  ).rows[0].n;
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  if (process.env.BENCH_PROFILE) results.profile = summariseCpuProfile(profileDir);
  await sql(admin, `DROP DATABASE IF EXISTS ${apiDb} WITH (FORCE)`);
  await sql(admin, `DROP DATABASE IF EXISTS ${rawDb} WITH (FORCE)`);
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await embedded?.stop().catch(() => undefined);
}

// --- Report -------------------------------------------------------------------------------------
const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const sb = results.switchboard;
const rw = results.raw;
const ratio = sb.sat.perSecond / rw.sat.perSecond;
const commit =
  (await new Promise((resolve) => {
    const git = spawn('git', ['rev-parse', '--short', 'HEAD']);
    let out = '';
    git.stdout.on('data', (d) => (out += d));
    git.on('close', () => resolve(out.trim()));
    git.on('error', () => resolve(''));
  })) || 'unknown';
const pgVersion = embedded ? 'embedded 18' : 'DATABASE_URL';
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
// Lost: answered 200 but not in the database. Refused requests (errors) were never acknowledged.
const lost = (r) => Math.max(0, r.steady.acknowledged - r.steady.inDatabase.distinct);
const dup = (r) => r.steady.inDatabase.rows - r.steady.inDatabase.distinct + r.steady.duplicates;
const cpuRow = (r) =>
  `${f(r.sat.cpu.server, 2)} / ${f(r.sat.cpu.postgres, 2)} / ${f(r.sat.cpu.load, 2)}`;
// BENCH_DOC: write elsewhere (a trial run with small sizes must not replace the real figures).
const file = process.env.BENCH_DOC ?? 'docs/benchmarks.md';
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const history = historyTable([
  ...historyRows(previous),
  `| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | \`${commit}\` | ${machine} | ${pgVersion} | ${f(sb.sat.perSecond, 0)} (${f(rw.sat.perSecond, 0)}) msg/s | ${f(ratio * 100, 0)} % | ${f(sb.steady.p99)} ms |`,
]);
const report = `<!-- bench:start -->
## Inbound message → operator socket

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} at commit \`${commit}\`: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL at ${embedded ? 'an embedded server' : 'DATABASE_URL'}.
The load generator, the server under test and PostgreSQL share the machine. Each message is a signed
webhook through the API channel, the same path every webhook channel takes (signature check, adapter
parse, identity and conversation resolution, idempotent insert, event log, NOTIFY, socket). The
raw floor does the same HTTP → plain \`pg\` INSERT → plain \`socket.io\` emit with nothing else.
Latency runs from the start of the HTTP request to the event arriving on the operator's socket.
The steady phase's senders are 2,000 customers who never wrote before (their first messages open
their conversations); every message is counted on the socket and in the database.

| ${RATE} msg/s for ${SECONDS} s (open loop) | Switchboard | Raw floor |
| --- | ---: | ---: |
| received / sent (errors) | ${sb.steady.received} / ${sb.steady.sent} (${sb.steady.errors}) | ${rw.steady.received} / ${rw.steady.sent} (${rw.steady.errors}) |
| acknowledged and lost / duplicated (database and socket) | ${lost(sb)} / ${dup(sb)} | ${lost(rw)} / ${dup(rw)} |
| achieved rate | ${f(sb.steady.achievedRate, 0)} msg/s | ${f(rw.steady.achievedRate, 0)} msg/s |
| p50 latency | ${f(sb.steady.p50)} ms | ${f(rw.steady.p50)} ms |
| p99 latency | ${f(sb.steady.p99)} ms | ${f(rw.steady.p99)} ms |
| max latency | ${f(sb.steady.max)} ms | ${f(rw.steady.max)} ms |

| Saturation (32 concurrent senders, 4000 messages) | Switchboard | Raw floor |
| --- | ---: | ---: |
| throughput | ${f(sb.sat.perSecond, 0)} msg/s | ${f(rw.sat.perSecond, 0)} msg/s |
| **ratio to the raw floor** | **${f(ratio * 100, 0)} %** | 100 % |
| CPU per message, ms: server / PostgreSQL / load generator | ${cpuRow(sb)} | ${cpuRow(rw)} |

Targets: p99 < 50 ms at 500 msg/s, ${'throughput ≥ 50 %'} of the raw floor.
Result: p99 ${f(sb.steady.p99)} ms (${sb.steady.p99 < 50 ? 'met' : 'not met'}), ratio ${f(ratio * 100, 0)} % (${ratio >= 0.5 ? 'met' : 'not met'}).

### Where the time goes (saturation)

CPU per message above is read from \`/proc\` for the API (or raw floor) process, every PostgreSQL
process, and the load generator. PostgreSQL's share, by statement (\`pg_stat_statements\`, execution
time only; "inside a function" are the steps of \`sb_ingest_message\`):

${statementTable(sb.sat.statements)}

${results.profile ? `The API's CPU profile (\`BENCH_PROFILE=1\`, self time by owner): ${profileLine(results.profile)}.` : "The API's CPU profile by owner: run with \`BENCH_PROFILE=1\`."}

## Open feed on ${CONVERSATIONS.toLocaleString('en')} conversations

${results.openCount.toLocaleString('en')} of them open (seeded in ${f(results.seedSeconds, 0)} s). \`GET /api/conversations?status=open&limit=30\`
over HTTP, 200 requests each, keyset pagination (page 100 follows the cursor of page 99; no OFFSET).

| Page | p50 | p95 |
| --- | ---: | ---: |
| first | ${f(results.firstPage.p50)} ms | ${f(results.firstPage.p95)} ms |
| 100th | ${f(results.page100.p50)} ms | ${f(results.page100.p95)} ms |

## A long conversation

A conversation of 5,000 messages, its latest page (\`GET /api/conversations/:id/messages?limit=50\`, 200 requests
after 20 warm-up ones): p50 ${f(results.timeline.p50)} ms, p95 ${f(results.timeline.p95)} ms.

Target: p95 < 20 ms. Result: ${Math.max(results.firstPage.p95, results.page100.p95, results.timeline.p95) < 20 ? 'met' : 'not met'}.

### History of this bench (commit ${commit})

${history}
<!-- bench:end -->`;

let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
if (doc.includes('<!-- bench:start -->')) {
  // The search, rules, reports and static sections (scripts/bench/*.mjs) stay until their runs below rewrite them.
  const sections = ['search', 'rules', 'reports', 'static']
    .map(
      (name) =>
        new RegExp(`<!-- bench-${name}:start -->[\\s\\S]*<!-- bench-${name}:end -->`).exec(
          doc,
        )?.[0],
    )
    .filter(Boolean);
  const kept = sections.length
    ? report.replace('<!-- bench:end -->', `${sections.join('\n')}\n<!-- bench:end -->`)
    : report;
  doc = doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, () => kept);
} else {
  doc = doc.replace(/^(# Benchmarks\n+)/, `$1${report}\n\n`);
  if (!doc.includes('<!-- bench:start -->')) doc = `# Benchmarks\n\n${report}\n\n${doc}`;
}
writeFileSync(file, doc);
await run('npx', ['prettier', '--write', file]);
console.log(report);
// Then the rules engine's cost per message (BENCH_RULES=0 leaves it out) ...
if (process.env.BENCH_RULES !== '0') {
  const code = await run(process.execPath, ['scripts/bench/rules.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
// ... 90-day reports over 1 M conversations' facts (BENCH_REPORTS=0 leaves it out) ...
if (process.env.BENCH_REPORTS !== '0') {
  const code = await run(process.execPath, ['scripts/bench/reports.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
// ... the inbox's and the widget's first load in Chromium (BENCH_STATIC=0 leaves it out) ...
if (process.env.BENCH_STATIC !== '0') {
  const code = await run(process.execPath, ['scripts/bench/static.mjs'], {
    env: { DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
// ... and search over 10 M messages, on the build above (BENCH_SEARCH=0 leaves it out).
if (process.env.BENCH_SEARCH !== '0') {
  const code = await run(process.execPath, ['scripts/bench/search.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
process.exit(0);
