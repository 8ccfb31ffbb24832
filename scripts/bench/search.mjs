#!/usr/bin/env node
// `npm run bench -- search` (or `node scripts/bench/search.mjs`): search over all history on
// 10 M messages in 1 M conversations of every status, over HTTP, p50/p95 per kind of query.
// Writes its section into docs/benchmarks.md, inside the bench markers.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';
import { run } from '../lib/run.mjs';
import { percentile } from './load.mjs';
import { PROBES, vocabulary } from './search-vocabulary.mjs';

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000_000);
const PER_CONVERSATION = 10;
const CONVERSATIONS = Math.ceil(MESSAGES / PER_CONVERSATION);
const REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 100);
const TARGET_P95_MS = 200;
const log = (...a) => console.log('[bench:search]', ...a);

if (!process.env.BENCH_SKIP_BUILD) {
  if ((await run('npx', ['nx', 'build', 'api', '--outputStyle=static'])) !== 0) process.exit(1);
}

let embedded = null;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({
    dataDir: `/tmp/switchboard-bench-search-pg-${process.pid}`,
    persistent: false,
  });
  process.env.DATABASE_URL = embedded.url;
}
const admin = process.env.DATABASE_URL;
const stamp = Date.now();
// BENCH_SEARCH_REUSE=<database>: measure a database a kept run (BENCH_SEARCH_KEEP) seeded.
const reuse = process.env.BENCH_SEARCH_REUSE;
const dbName = reuse ?? `sb_bench_search_${stamp}`;
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
async function sql(url, text, params) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}
/** The seeding session: bulk-load settings hold for every statement on it. */
let seeder = null;
const timed = async (label, text, params) => {
  const t = performance.now();
  const r = await seeder.query(text, params);
  log(`${label}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return r;
};

async function waitHealthy(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became healthy`);
}

let api = null;
const results = {};
try {
  if (!reuse) await sql(admin, `CREATE DATABASE ${dbName}`);
  const port = await freePort();
  api = spawn(process.execPath, ['dist/apps/api/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      ADMIN_EMAIL: 'bench@switchboard.local',
      ADMIN_PASSWORD: 'bench-password-1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      STORAGE_DIR: `/tmp/sb-bench-search-files-${stamp}`,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(`${base}/api/health`);
  const login = await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@switchboard.local', password: 'bench-password-1' }),
    })
  ).json();
  const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
  const inbox = await (
    await fetch(`${base}/api/inboxes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        kind: 'api',
        name: 'Bench',
        secrets: { signingSecret: 'x'.repeat(32) },
      }),
    })
  ).json();
  const account = (await sql(dbUrl, 'SELECT account_id FROM inboxes WHERE id = $1', [inbox.id]))
    .rows[0].account_id;

  // --- Seed: the bulk load first, the search index after it, then statistics -----------------
  if (!reuse) await seed(account, inbox);
  // The seeding time of the run that left the database, when it is known.
  else results.seedSeconds = Number(process.env.BENCH_SEARCH_SEED_SECONDS) || null;
  results.messages = Number((await sql(dbUrl, 'SELECT count(*) FROM messages')).rows[0].count);
  results.server = (await sql(dbUrl, 'SHOW server_version')).rows[0].server_version.split(' ')[0];

  // --- Measure over HTTP -------------------------------------------------------------------------
  // How many messages hold a word: from a 1 % sample (a common word is in millions), exactly
  // through the index when the sample finds it rarely.
  const frequency = async (word) => {
    const holds = `text IS NOT NULL AND sb_search_vector(text) @@ (to_tsquery('simple', $1) || plainto_tsquery('russian', $1))`;
    const sampled = Number(
      (
        await sql(
          dbUrl,
          `SELECT count(*) FROM messages TABLESAMPLE SYSTEM (1) REPEATABLE (1) WHERE ${holds}`,
          [word],
        )
      ).rows[0].count,
    );
    if (sampled >= 100) return Math.round(sampled * 100);
    return Number(
      (await sql(dbUrl, `SELECT count(*) FROM messages WHERE ${holds}`, [word])).rows[0].count,
    );
  };
  const cases = [
    [`rare word (${PROBES.rare})`, `q=${PROBES.rare}`, await frequency(PROBES.rare)],
    [
      `uncommon word (${PROBES.uncommon})`,
      `q=${PROBES.uncommon}`,
      await frequency(PROBES.uncommon),
    ],
    [`mid-frequency word (${PROBES.mid})`, `q=${PROBES.mid}`, await frequency(PROBES.mid)],
    [
      `frequent word (${PROBES.frequent})`,
      `q=${PROBES.frequent}`,
      await frequency(PROBES.frequent),
    ],
    [`common word (${PROBES.common})`, `q=${PROBES.common}`, await frequency(PROBES.common)],
    [
      `Cyrillic word (${PROBES.cyrillic}, all its forms)`,
      `q=${encodeURIComponent(PROBES.cyrillic)}`,
      await frequency(PROBES.cyrillic),
    ],
    [
      `two words (${PROBES.frequent} ${PROBES.common})`,
      `q=${PROBES.frequent}%20${PROBES.common}`,
      null,
    ],
    ['tag `#payment` (5 % of conversations)', 'tag=payment', null],
    ['tag `#vip` (0.1 %)', 'tag=vip', null],
    ['tag `#rare` (10 conversations)', 'tag=rare', null],
    ['conversation `#2500000`', `q=%232500000`, null],
  ];
  const request = async (query) => {
    const t = performance.now();
    const res = await fetch(`${base}/api/conversations?status=all&limit=30&${query}`, {
      headers: auth,
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t, items: body.items.length };
  };
  results.cases = [];
  for (const [name, query, messages] of cases) {
    // A query slower than a second is reported from 10 requests, not a hundred.
    const first = await request(query);
    const count = first.ms > 1000 ? 10 : REQUESTS;
    for (let i = 0; i < 4; i++) await request(query);
    const times = [];
    let items = 0;
    for (let i = 0; i < count; i++) {
      const r = await request(query);
      times.push(r.ms);
      items = r.items;
    }
    times.sort((a, b) => a - b);
    const row = {
      name,
      query,
      messages,
      items,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    };
    log(JSON.stringify(row));
    results.cases.push(row);
  }
} finally {
  await seeder?.end().catch(() => undefined);
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  // BENCH_SEARCH_KEEP=1: the seeded database stays up after the report, to read query plans.
  if (!process.env.BENCH_SEARCH_KEEP) {
    await sql(admin, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
  }
}

// --- Report ---------------------------------------------------------------------------------------
const f = (n) => `${n.toFixed(1)} ms`;
const worst = Math.max(...results.cases.map((c) => c.p95));
const rows = results.cases
  .map(
    (c) =>
      `| ${c.name} | ${c.messages === null ? '' : c.messages.toLocaleString('en')} | ${c.items} | ${f(c.p50)} | ${f(c.p95)} |`,
  )
  .join('\n');
const section = `<!-- bench-search:start -->
## Search over ${results.messages.toLocaleString('en')} messages

Measured by \`npm run bench -- search\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${results.server} at ${embedded ? 'an embedded server' : 'DATABASE_URL'}.
${CONVERSATIONS.toLocaleString('en')} conversations (70 % closed, a year of history), ${PER_CONVERSATION} messages each, words drawn
from a ${vocabulary().length.toLocaleString('en')}-word vocabulary with a Zipf-like spread (${results.seedSeconds ? `seeded and indexed in ${(results.seedSeconds / 60).toFixed(0)} min` : 'seeded by an earlier run'}).
\`GET /api/conversations?status=all&limit=30&…\` over HTTP, ${REQUESTS} requests each after 5 warm-up ones.
"Messages" is how many messages hold the word (any form).

| Query | Messages | Results | p50 | p95 |
| --- | ---: | ---: | ---: | ---: |
${rows}

Target: p95 < ${TARGET_P95_MS} ms for a word query and for a tag query. Result: worst p95 ${f(worst)} (${worst < TARGET_P95_MS ? 'met' : 'not met'}).
<!-- bench-search:end -->`;

if (process.env.BENCH_SEARCH_DRY) {
  // A trial run at another size: print, keep the document as it is.
  console.log(section);
  if (process.env.BENCH_SEARCH_KEEP) await new Promise(() => undefined);
  process.exit(0);
}
const file = process.env.BENCH_DOC ?? 'docs/benchmarks.md';
let doc = existsSync(file)
  ? readFileSync(file, 'utf8')
  : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
if (doc.includes('<!-- bench-search:start -->')) {
  doc = doc.replace(/<!-- bench-search:start -->[\s\S]*<!-- bench-search:end -->/, section);
} else {
  doc = doc.replace('<!-- bench:end -->', `\n${section}\n<!-- bench:end -->`);
}
writeFileSync(file, doc);
await run('npx', ['prettier', '--write', file]);
console.log(section);
if (process.env.BENCH_SEARCH_KEEP) {
  log(`kept: ${dbUrl} (stop this process and PostgreSQL when done)`);
  await new Promise(() => undefined);
}
process.exit(0);

/** The bulk load: contacts, conversations, 10 M messages, tags, then the search index. */
async function seed(account, inbox) {
  log(`seeding ${CONVERSATIONS} conversations, ${MESSAGES} messages`);
  const seedStart = performance.now();
  const words = vocabulary();
  seeder = new pg.Client({ connectionString: dbUrl });
  await seeder.connect();
  // Foreign keys are not re-checked row by row during the load (the seed makes them hold).
  await seeder.query(`SET synchronous_commit = off; SET session_replication_role = replica;
    SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2`);
  // A year of history: conversation g was last active g × 30 s ago; 70 % closed.
  await timed(
    'contacts, identities, conversations',
    `INSERT INTO contacts (id, account_id, name, email, phone)
       SELECT md5('c' || g)::uuid, '${account}', 'Customer ' || g, 'c' || g || '@bench.test', '+1415' || lpad(g::text, 7, '0')
         FROM generate_series(1, ${CONVERSATIONS}) g;
     INSERT INTO contact_identities (id, account_id, contact_id, inbox_id, external_id)
       SELECT md5('i' || g)::uuid, '${account}', md5('c' || g)::uuid, '${inbox.id}', 'seed-' || g FROM generate_series(1, ${CONVERSATIONS}) g;
     INSERT INTO conversations (id, account_id, number, inbox_id, contact_id, identity_id, status, snoozed_until,
                                last_activity_at, last_message_preview, last_message_direction, created_at)
       SELECT md5('v' || g)::uuid, '${account}', 2000000 + g, '${inbox.id}', md5('c' || g)::uuid, md5('i' || g)::uuid,
              CASE WHEN g % 10 < 2 THEN 'open' WHEN g % 10 = 2 THEN 'snoozed' ELSE 'closed' END,
              CASE WHEN g % 10 = 2 THEN now() + interval '30 days' END,
              now() - make_interval(secs => g * 30), 'Seeded message ' || g, 'incoming', now() - make_interval(secs => g * 30 + 600)
         FROM generate_series(1, ${CONVERSATIONS}) g;`,
  );
  await timed('drop the search index for the load', 'DROP INDEX messages_search_idx');
  // A pool of distinct texts, each drawn word by word; messages take them in a scattered order.
  const POOL = Math.min(MESSAGES, 500_000);
  await timed(
    `${POOL} texts`,
    `CREATE UNLOGGED TABLE bench_texts AS
       SELECT p, (SELECT string_agg(($1::text[])[floor(exp(random() * ln(${words.length + 1})))::int], ' ')
                    FROM generate_series(1, 6 + p % 9)) AS text
         FROM generate_series(0, ${POOL - 1}) p`,
    [words],
  );
  const chunk = 1_000_000;
  for (let from = 0; from < MESSAGES; from += chunk) {
    const to = Math.min(MESSAGES, from + chunk) - 1;
    // Message g belongs to conversation g / 10 + 1; 6–14 words each; every 17th is a note;
    // `zanzibar` is in one message of a million.
    await timed(
      `messages ${from}–${to}`,
      `INSERT INTO messages (account_id, conversation_id, inbox_id, direction, kind, sender_type, text, created_at, updated_at)
         SELECT $1::uuid, md5('v' || (g / ${PER_CONVERSATION} + 1))::uuid, $2::uuid,
                CASE WHEN g % 3 = 0 THEN 'outgoing' ELSE 'incoming' END,
                CASE WHEN g % 17 = 0 THEN 'note' ELSE 'message' END,
                CASE WHEN g % 3 = 0 THEN 'operator' ELSE 'contact' END,
                b.text || CASE WHEN g % 1000000 = 777 THEN ' ${PROBES.rare}' ELSE '' END,
                t.at, t.at
           FROM generate_series(${from}, ${to}) g
           JOIN bench_texts b ON b.p = (g::bigint * 7919) % ${POOL},
                LATERAL (SELECT now() - make_interval(secs => (g / ${PER_CONVERSATION} + 1) * 30 + (${PER_CONVERSATION} - 1 - g % ${PER_CONVERSATION}) * 60) AS at) t`,
      [account, inbox.id],
    );
  }
  await timed('drop the text pool', 'DROP TABLE bench_texts');
  // Tags: #payment on 1 conversation in 20, #vip on 1 in 1 000, #rare on 10.
  await timed(
    'tags',
    `INSERT INTO tags (account_id, name, name_key) VALUES ($1, 'payment', 'payment'), ($1, 'vip', 'vip'), ($1, 'rare', 'rare');
     INSERT INTO conversation_tags (account_id, conversation_id, tag_id)
       SELECT $1, md5('v' || g)::uuid, t.id FROM generate_series(1, ${CONVERSATIONS}) g
         JOIN tags t ON t.account_id = $1 AND ((t.name = 'payment' AND g % 20 = 3) OR (t.name = 'vip' AND g % 1000 = 5) OR (t.name = 'rare' AND g % ${Math.ceil(CONVERSATIONS / 10)} = 7))`.replace(
      /\$1/g,
      `'${account}'`,
    ),
  );
  await timed(
    'search index (GIN over conversation_id, sb_search_vector)',
    `CREATE INDEX messages_search_idx ON messages USING gin (conversation_id, sb_search_vector(text)) WHERE text IS NOT NULL`,
  );
  await timed('ANALYZE', 'VACUUM ANALYZE');
  await seeder.end();
  seeder = null;
  results.seedSeconds = (performance.now() - seedStart) / 1000;
}
