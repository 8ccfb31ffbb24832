#!/usr/bin/env node
// `npm run bench`: Switchboard against the raw floor (plain http + pg + socket.io) in the same run,
// then the open feed on 1 M conversations. Writes its figures into docs/benchmarks.md.
import { fork, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import pg from 'pg';
import { io } from 'socket.io-client';
import { startEmbeddedPostgres, freePort } from './lib/embedded-postgres.mjs';
import { run } from './lib/run.mjs';
import { saturation, steadyRate } from './bench/load.mjs';
import { cpuPerMessage, cpuReading } from './bench/process-cpu.mjs';
import {
  resetStatementCosts,
  roundTripsPerMessage,
  statementCosts,
} from './bench/statement-costs.mjs';
import { inboundReport } from './bench/inbound-report.mjs';
import { measureFeed } from './bench/feed.mjs';
import { summariseCpuProfile } from './bench/cpu-profile-summary.mjs';
import { postSignedWebhook } from './bench/signed-webhook.mjs';

// `npm run bench -- search`: only search over 10 M messages (it writes its own section).
if (process.argv.includes('search')) await import('./bench/search.mjs');
// `npm run bench -- rules`: only the automation rules engine's cost per message.
if (process.argv.includes('rules')) await import('./bench/rules.mjs');
// `npm run bench -- reports`: only 90-day reports over 1 M conversations' facts.
if (process.argv.includes('reports')) await import('./bench/reports.mjs');
// `npm run bench -- static`: only the inbox's and the widget's first load in Chromium.
if (process.argv.includes('static')) await import('./bench/static.mjs');
// `npm run bench -- group-commit`: PostgreSQL's cost per message, one or many per transaction.
if (process.argv.includes('group-commit')) await import('./bench/group-commit.mjs');
// `npm run bench -- overload`: only 2× saturation offered for 30 s (refusals, losses, recovery).
if (process.argv.includes('overload')) await import('./bench/overload.mjs');
// `npm run bench -- snooze`: only 100,000 snoozes and task reminders due in the same second.
if (process.argv.includes('snooze')) await import('./bench/snooze.mjs');
// `npm run bench -- fanout`: only one event to 500 operator sockets, and 10,000 idle widgets' memory.
if (process.argv.includes('fanout')) await import('./bench/fanout.mjs');

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
    return postSignedWebhook({ base, inboxId, secret, body });
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
  sat.roundTrips = tracked
    ? {
        perMessage: await roundTripsPerMessage(statements, sat.received),
        top: await statementCosts(statements, sat.received, 10, 'calls'),
      }
    : null;
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
  // BENCH_API_NODE_ARGS: flags for the API's node only, as in bench-api.mjs (an A/B of settings).
  const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...apiNodeArgs, ...profileArgs, 'dist/apps/api/main.js'], {
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

  // --- Feed pages on 1 M conversations, and a long conversation -----------------------------
  await measureFeed({ sql, db: dbUrl(apiDb), base, auth, inbox, CONVERSATIONS, results });
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
// BENCH_DOC: write elsewhere (a trial run with small sizes must not replace the real figures).
const file = process.env.BENCH_DOC ?? 'docs/benchmarks.md';
const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
const report = await inboundReport({ results, embedded, RATE, SECONDS, CONVERSATIONS, previous });

let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
if (doc.includes('<!-- bench:start -->')) {
  // The search, rules, reports and static sections (scripts/bench/*.mjs) stay until their runs below rewrite them.
  const sections = [
    'search',
    'rules',
    'reports',
    'static',
    'snooze',
    'fanout',
    'overload',
    'group-commit',
  ]
    .map(
      (name) =>
        new RegExp(`<!-- bench-${name}:start -->[\\s\\S]*<!-- bench-${name}:end -->`).exec(
          doc,
        )?.[0],
    )
    .filter(Boolean);
  const kept = sections.length
    ? report.replace('<!-- bench:end -->', () => `${sections.join('\n')}\n<!-- bench:end -->`)
    : report;
  doc = doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, () => kept);
} else {
  // A function, not a string: the report's SQL holds `$1`, which a replacement string would expand.
  doc = doc.replace(/^(# Benchmarks\n+)/, (head) => `${head}${report}\n\n`);
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
// ... 100,000 snoozes and task reminders due in the same second (BENCH_SNOOZE=0 leaves it out) ...
if (process.env.BENCH_SNOOZE !== '0') {
  const code = await run(process.execPath, ['scripts/bench/snooze.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
// ... one event to 500 operator sockets and 10,000 idle widgets' memory (BENCH_FANOUT=0 leaves it out) ...
if (process.env.BENCH_FANOUT !== '0') {
  const code = await run(process.execPath, ['scripts/bench/fanout.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
// ... 2× saturation for 30 s: refused fast, nothing lost, back to normal (BENCH_OVERLOAD=0 leaves it out) ...
if (process.env.BENCH_OVERLOAD !== '0') {
  const code = await run(process.execPath, ['scripts/bench/overload.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
  });
  if (code !== 0) process.exit(code);
}
// ... PostgreSQL's cost per message with and without group commit (BENCH_GROUP_COMMIT=0 leaves it out) ...
if (process.env.BENCH_GROUP_COMMIT !== '0') {
  const code = await run(process.execPath, ['scripts/bench/group-commit.mjs'], {
    env: { BENCH_SKIP_BUILD: '1', DATABASE_URL: embedded ? '' : admin },
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
