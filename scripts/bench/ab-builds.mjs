#!/usr/bin/env node
// A/B of two API builds, started in turn on the same machine and databases, so a change is told
// apart from the machine's noise: feed pages on 1 M conversations, ingest at 500 msg/s and at
// saturation. Build the other commit in a worktree (`git worktree add /tmp/old <rev>`, link
// node_modules, `npx nx build api` there), then:
//   node scripts/bench/ab-builds.mjs /tmp/old/dist/apps/api/main.js dist/apps/api/main.js
// AB_ROUNDS (default 3) and AB_SKIP_INGEST=1 tune it; DATABASE_URL as for `npm run bench`.
// AB_BEFORE_NODE_ARGS / AB_AFTER_NODE_ARGS (space-separated) give each side its own node flags,
// so one build can be compared with itself under different runtime settings.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { io } from 'socket.io-client';
import { freePort } from '../lib/embedded-postgres.mjs';
import { percentile, saturation, steadyRate } from './load.mjs';
import { postSignedWebhook } from './signed-webhook.mjs';

const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [beforeMain, afterMain] = process.argv.slice(2);
if (!beforeMain || !afterMain) {
  console.error('usage: node scripts/bench/ab-builds.mjs <before main.js> <after main.js>');
  process.exit(2);
}
const builds = { before: beforeMain, after: afterMain };
const ROUNDS = Number(process.env.AB_ROUNDS ?? 3);
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
async function start(build, db) {
  const port = await freePort();
  const flags = (process.env[`AB_${build.toUpperCase()}_NODE_ARGS`] ?? '')
    .split(' ')
    .filter(Boolean);
  const child = spawn(process.execPath, [...flags, builds[build]], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl(db),
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      ADMIN_EMAIL: 'bench@switchboard.local',
      ADMIN_PASSWORD: 'bench-password-1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      STORAGE_DIR: `/tmp/sb-ab-files-${stamp}`,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@switchboard.local', password: 'bench-password-1' }),
    })
  ).json();
  const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
  return {
    child,
    base,
    auth,
    token: login.token,
    stop: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}
async function feed(api) {
  const page = async (cursor) => {
    const t = performance.now();
    const res = await fetch(
      `${api.base}/api/conversations?status=open&limit=30${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: api.auth },
    );
    const body = await res.json();
    return { ms: performance.now() - t, body };
  };
  let cursor = null;
  for (let i = 1; i < 100; i++) cursor = (await page(cursor)).body.nextCursor;
  for (let i = 0; i < 50; i++) await page(null);
  const time = async (c) => {
    const t = [];
    for (let i = 0; i < 300; i++) t.push((await page(c)).ms);
    t.sort((a, b) => a - b);
    return { p50: percentile(t, 50), p95: percentile(t, 95) };
  };
  return { first: await time(null), page100: await time(cursor) };
}
async function ingest(build) {
  const db = `sb_ab_ingest_${build}_${Date.now()}`;
  await sql(admin, `CREATE DATABASE ${db}`);
  const api = await start(build, db);
  const secret = 'bench-signing-secret-0123456789';
  const inbox = await (
    await fetch(`${api.base}/api/inboxes`, {
      method: 'POST',
      headers: api.auth,
      body: JSON.stringify({ kind: 'api', name: 'Bench', secrets: { signingSecret: secret } }),
    })
  ).json();
  const socket = io(`${api.base}/operators`, {
    auth: { token: api.token },
    transports: ['websocket'],
    reconnection: false,
  });
  await new Promise((r, j) => {
    socket.once('connect', r);
    socket.once('connect_error', j);
  });
  const send = async (i, text) => {
    const body = JSON.stringify({
      messages: [{ id: `m-${db}-${text}`, from: { id: `cust-${i % 2000}` }, text }],
    });
    return postSignedWebhook({ base: api.base, inboxId: inbox.id, secret, body });
  };
  await steadyRate({ send, socket, count: 300, rate: 200, textOf: (i) => `warm-${i}` });
  const steady = await steadyRate({
    send,
    socket,
    count: 5000,
    rate: 500,
    textOf: (i) => `steady-${i}`,
  });
  const r = await saturation({
    send,
    socket,
    count: 4000,
    concurrency: 32,
    textOf: (i) => `sat-${i}`,
  });
  socket.close();
  await api.stop();
  await sql(admin, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  return { ...r, steadyP50: steady.p50, steadyP99: steady.p99 };
}

const feedDb = `sb_ab_feed_${stamp}`;
await sql(admin, `CREATE DATABASE ${feedDb}`);
{
  const api = await start('after', feedDb);
  const inbox = await (
    await fetch(`${api.base}/api/inboxes`, {
      method: 'POST',
      headers: api.auth,
      body: JSON.stringify({
        kind: 'api',
        name: 'Bench',
        secrets: { signingSecret: 'x'.repeat(32) },
      }),
    })
  ).json();
  await api.stop();
  const N = 1_000_000;
  const account = (
    await sql(dbUrl(feedDb), 'SELECT account_id FROM inboxes WHERE id = $1', [inbox.id])
  ).rows[0].account_id;
  await sql(
    dbUrl(feedDb),
    `SET synchronous_commit = off;
     INSERT INTO contacts (id, account_id, name, email)
       SELECT md5('c' || g)::uuid, '${account}', 'Customer ' || g, 'c' || g || '@bench.test' FROM generate_series(1, ${N}) g;
     INSERT INTO contact_identities (id, account_id, contact_id, inbox_id, external_id)
       SELECT md5('i' || g)::uuid, '${account}', md5('c' || g)::uuid, '${inbox.id}', 'seed-' || g FROM generate_series(1, ${N}) g;
     INSERT INTO conversations (id, account_id, number, inbox_id, contact_id, identity_id, status, snoozed_until,
                                last_activity_at, last_message_preview, last_message_direction, created_at)
       SELECT md5('v' || g)::uuid, '${account}', 2000000 + g, '${inbox.id}', md5('c' || g)::uuid, md5('i' || g)::uuid,
              CASE WHEN g % 10 < 2 THEN 'open' WHEN g % 10 = 2 THEN 'snoozed' ELSE 'closed' END,
              CASE WHEN g % 10 = 2 THEN now() + interval '30 days' END,
              now() - make_interval(secs => g), 'Seeded message ' || g, 'incoming', now() - make_interval(secs => g)
         FROM generate_series(1, ${N}) g;
     ANALYZE;`,
  );
  await sql(dbUrl(feedDb), 'VACUUM ANALYZE');
}
const out = [];
for (let round = 1; round <= ROUNDS; round++) {
  const order = round % 2 ? ['before', 'after'] : ['after', 'before'];
  for (const build of order) {
    const api = await start(build, feedDb);
    const f = await feed(api);
    await api.stop();
    const s = process.env.AB_SKIP_INGEST ? { perSecond: NaN, received: 0 } : await ingest(build);
    const row = {
      round,
      build,
      firstP50: f.first.p50,
      firstP95: f.first.p95,
      p100P50: f.page100.p50,
      p100P95: f.page100.p95,
      ingest: Math.round(s.perSecond),
      received: s.received,
      steadyP50: s.steadyP50,
      steadyP99: s.steadyP99,
    };
    console.log(JSON.stringify(row));
    out.push(row);
  }
}
await sql(admin, `DROP DATABASE IF EXISTS ${feedDb} WITH (FORCE)`);
