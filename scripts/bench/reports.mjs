// `npm run bench -- reports`: 90-day reports over the facts of 1 M conversations and 10 M
// messages, against a raw floor (the dominant aggregate as one plain SQL query run by `pg`).
// The facts are seeded straight into the report tables with generate_series: replaying 10 M
// messages through the pipeline and the consumer would take hours, and the read path under test
// only ever sees these tables. Writes its section into docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startBenchApi } from './bench-api.mjs';
import { run } from '../lib/run.mjs';
import { percentile } from './load.mjs';

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);
process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';
const CONVERSATIONS = Number(process.env.BENCH_REPORTS_CONVERSATIONS ?? 1_000_000);
/** Each conversation: 5 customer messages and 5 replies (10 M messages for 1 M). */
const REPLIES = 5;
const HISTORY_DAYS = 730;
const RUNS = Number(process.env.BENCH_REPORTS_RUNS ?? 20);
const TZ = 'Europe/Berlin';
const log = (...a) => console.log('[bench:reports]', ...a);

/**
 * The facts of CONVERSATIONS conversations, as the `reports` consumer writes them. One
 * conversation per row of g; its dims are arithmetic on g, its times spread over the history.
 */
async function seed(db, account) {
  log(`seeding facts of ${CONVERSATIONS} conversations`);
  // Ten inboxes of four kinds: a conversation's channel is its inbox's kind.
  const channels = ['email', 'webchat', 'telegram', 'whatsapp'];
  const kinds = Array.from({ length: 10 }, (_, i) => channels[i % 4]);
  const inboxes = (
    await db.query(
      `INSERT INTO inboxes (account_id, kind, name)
       SELECT $1, k, 'Bench inbox ' || i FROM unnest($2::text[]) WITH ORDINALITY x(k, i)
       ORDER BY i RETURNING id`,
      [account, kinds],
    )
  ).rows.map((r) => r.id);
  const teams = Array.from({ length: 8 }, () => randomUUID());
  const operators = Array.from({ length: 50 }, () => randomUUID());
  const dims = `
    ($2::uuid[])[1 + g % 10] AS inbox_id, ($3::text[])[1 + g % 10 % 4] AS channel,
    ($4::uuid[])[1 + g % 8] AS team_id, ($5::uuid[])[1 + g % 50] AS operator_id`;
  const params = [account, inboxes, channels, teams, operators];
  await db.query(`SET synchronous_commit = off`);
  await db.query(
    `INSERT INTO report_cycles (account_id, conversation_id, seq, inbox_id, channel, team_id,
            operator_id, started_at, started_day, closed_at, closed_day, seconds, business_seconds)
     SELECT $1, c.id, 1, inbox_id, channel, team_id, operator_id, started,
            (started AT TIME ZONE '${TZ}')::date, closed,
            (closed AT TIME ZONE '${TZ}')::date, extract(epoch FROM closed - started),
            extract(epoch FROM closed - started) / 3
       FROM (SELECT gen_random_uuid() AS id, g, ${dims},
                    now() - (random() * ${HISTORY_DAYS}) * interval '1 day' AS started
               FROM generate_series(1, ${CONVERSATIONS}) g) c,
            LATERAL (SELECT CASE WHEN g % 50 = 0 THEN NULL
                            ELSE c.started + (random() * 72) * interval '1 hour' END AS closed) x`,
    params,
  );
  log('cycles done; responses');
  // REPLIES waits per conversation: one first and the rest next responses, a minute to a day.
  await db.query(
    `INSERT INTO report_responses (account_id, conversation_id, kind, day, inbox_id, channel, team_id,
            operator_id, asked_at, answered_at, seconds, business_seconds)
     SELECT $1, c.conversation_id, CASE WHEN r = 1 THEN 'first' ELSE 'next' END,
            ((c.started_at + r * interval '10 minutes' + w * interval '1 second') AT TIME ZONE '${TZ}')::date,
            c.inbox_id, c.channel, c.team_id, ($5::uuid[])[1 + (hashtext(c.conversation_id::text || r) & 49)],
            c.started_at + r * interval '10 minutes', c.started_at + r * interval '10 minutes' + w * interval '1 second',
            w, w / 3
       FROM report_cycles c, generate_series(1, ${REPLIES}) r,
            LATERAL (SELECT 60 + floor(random() * random() * 86400) AS w) x
      WHERE c.account_id = $1 AND $2::uuid[] IS NOT NULL AND $3::text[] IS NOT NULL AND $4::uuid[] IS NOT NULL`,
    params,
  );
  log('responses done; daily counters');
  await db.query(
    `INSERT INTO report_daily (account_id, conversation_id, day, dim_key, inbox_id, channel, team_id,
            operator_id, new_count, replies, sla_met, sla_breached, csat_count, csat_sum, csat_satisfied)
     SELECT $1, conversation_id, (started_at AT TIME ZONE '${TZ}')::date, 'open', inbox_id, channel,
            team_id, operator_id, 1, ${REPLIES}, 1, (random() < 0.1)::int, 0, 0, 0
       FROM report_cycles WHERE account_id = $1`,
    [account],
  );
  await db.query(
    `INSERT INTO report_daily (account_id, conversation_id, day, dim_key, inbox_id, channel, team_id,
            operator_id, closed_count, csat_count, csat_sum, csat_satisfied)
     SELECT $1, conversation_id, closed_day, 'closed', inbox_id, channel, team_id, operator_id, 1,
            s, s * (2 + (hashtext(conversation_id::text) & 3)),
            s * ((2 + (hashtext(conversation_id::text) & 3)) >= 4)::int
       FROM report_cycles, LATERAL (SELECT (random() < 0.3)::int AS s) x
      WHERE account_id = $1 AND closed_day IS NOT NULL`,
    [account],
  );
  // Tags on 5 %, 10 %, 0.1 % and 0.001 % of the conversations, drawn independently (so 0.5 % carry
  // both payment and billing). The facts' conversations themselves are
  // not seeded, so this session does not check conversation_tags' foreign keys (superuser only).
  log('daily counters done; tags');
  await db.query(`SET session_replication_role = replica`);
  await db.query(
    `INSERT INTO tags (account_id, name, name_key)
     VALUES ($1, 'payment', 'payment'), ($1, 'billing', 'billing'), ($1, 'vip', 'vip'),
            ($1, 'rare', 'rare')`,
    [account],
  );
  await db.query(
    `INSERT INTO conversation_tags (account_id, conversation_id, tag_id)
     SELECT $1, c.conversation_id, t.id
       FROM report_cycles c
       JOIN tags t ON t.account_id = $1 AND (
            (t.name = 'payment' AND abs(hashtext(c.conversation_id::text)) % 20 = 3)
         OR (t.name = 'billing' AND abs(hashtext(c.conversation_id::text || 'b')) % 10 = 1)
         OR (t.name = 'vip' AND abs(hashtext(c.conversation_id::text || 'v')) % 1000 = 5)
         OR (t.name = 'rare' AND abs(hashtext(c.conversation_id::text)) % 100000 = 7))
      WHERE c.account_id = $1`,
    [account],
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query(`VACUUM ANALYZE report_cycles, report_responses, report_daily, conversation_tags`);
}

// BENCH_REPORTS_DB names a database seeded (and kept, BENCH_REPORTS_KEEP) by an earlier run: the
// reports are timed again without seeding.
const reuse = process.env.BENCH_REPORTS_DB;
const { base, auth, db, dbName, embedded, stop, restart } = await startBenchApi('reports', {
  database: reuse,
});
try {
  await fetch(`${base}/api/account`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ timezone: TZ }),
  });
  const account = (await db.query(`SELECT id FROM accounts LIMIT 1`)).rows[0].id;

  const seedStart = performance.now();
  let rollupSeconds = null;
  if (!reuse) {
    await seed(db, account);
    // The rollups (spans, cells, counts now) are built by their own migration from these facts,
    // as an upgrade would: it is undone here, and runs again when the API restarts.
    await db.query(
      `DROP TABLE report_spans, report_open_counts, report_counter_cells, report_time_cells,
                  report_conversation_tags;
       DELETE FROM typeorm_migrations WHERE name = 'ReportCells1797790000000'`,
    );
    const t = performance.now();
    await restart();
    rollupSeconds = (performance.now() - t) / 1000;
    await db.query(
      `VACUUM ANALYZE report_spans, report_counter_cells, report_time_cells,
                      report_conversation_tags`,
    );
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM report_cycles)::int AS cycles,
              (SELECT count(*) FROM report_responses)::int AS responses,
              (SELECT count(*) FROM report_daily)::int AS daily,
              (SELECT count(DISTINCT conversation_id) FROM conversation_tags)::int AS tagged,
              (SELECT count(*) FROM (SELECT ct.conversation_id FROM conversation_tags ct
                 JOIN tags t ON t.id = ct.tag_id AND t.name IN ('payment', 'billing')
                GROUP BY 1 HAVING count(*) = 2) x)::int AS both,
              (SELECT count(*) FROM report_time_cells)::int AS time_cells,
              (SELECT count(*) FROM report_counter_cells)::int AS counter_cells,
              (SELECT count(*) FROM report_spans)::int AS spans`,
    )
  ).rows[0];
  log(reuse ? `reusing ${reuse}` : `seeded in ${seedSeconds.toFixed(0)} s`, counts);

  const day = (d) => d.toISOString().slice(0, 10);
  const to = day(new Date());
  const from = day(new Date(Date.now() - 89 * 86_400_000));
  // Every report reads rollup cells: one column, the pair a grouping and a filter name, or the
  // inbox+team+operator triple (a channel with other columns reads its inboxes' cells).
  const tagIds = new Map(
    (await db.query(`SELECT name, id FROM tags WHERE account_id = $1`, [account])).rows.map((r) => [
      r.name,
      r.id,
    ]),
  );
  const payment = tagIds.get('payment');
  const some = (
    await db.query(
      `SELECT inbox_id, channel, team_id, operator_id FROM report_cycles
        WHERE account_id = $1 LIMIT 1`,
      [account],
    )
  ).rows[0];
  const cases = [
    ['none, by day', `groupBy=none&bucket=day`],
    ['channel, by day', `groupBy=channel&bucket=day`],
    ['inbox, by week', `groupBy=inbox&bucket=week`],
    ['team, by day, business hours', `groupBy=team&bucket=day&businessHours=true`],
    ['operator, by day', `groupBy=operator&bucket=day`],
    ['operator, by day, one inbox', `groupBy=operator&bucket=day&inboxId=${some.inbox_id}`],
    [
      'operator, by day, one inbox and its channel',
      `groupBy=operator&bucket=day&inboxId=${some.inbox_id}&channel=${some.channel}`,
    ],
    [
      'team, by day, one channel and one operator',
      `groupBy=team&bucket=day&channel=${some.channel}&operatorId=${some.operator_id}`,
    ],
    [
      'channel, by week, one inbox, team and operator',
      `groupBy=channel&bucket=week&inboxId=${some.inbox_id}&teamId=${some.team_id}&operatorId=${some.operator_id}`,
    ],
    ['tag, by day', `groupBy=tag&bucket=day`],
    [
      'operator, by day, one tag (5 % of conversations)',
      `groupBy=operator&bucket=day&tagId=${payment}`,
    ],
    ['tag, by week, one inbox', `groupBy=tag&bucket=week&inboxId=${some.inbox_id}`],
    [
      'operator, by day, one tag (5 %) and one inbox',
      `groupBy=operator&bucket=day&tagId=${payment}&inboxId=${some.inbox_id}`,
    ],
    [
      'team, by week, one tag (5 %), one inbox and one operator',
      `groupBy=team&bucket=week&tagId=${payment}&inboxId=${some.inbox_id}&operatorId=${some.operator_id}`,
    ],
    // Several tags at once: their cells, minus the facts of the conversations carrying both.
    [
      'operator, by day, two tags (5 % and 0.1 %)',
      `groupBy=operator&bucket=day&tagId=${payment}&tagId=${tagIds.get('vip')}`,
    ],
    [
      'operator, by day, two tags (5 % and 10 %; 0.5 % carry both)',
      `groupBy=operator&bucket=day&tagId=${payment}&tagId=${tagIds.get('billing')}`,
    ],
    [
      'tag, by week, two tags (5 % and 10 %; 0.5 % carry both)',
      `groupBy=tag&bucket=week&tagId=${payment}&tagId=${tagIds.get('billing')}`,
    ],
  ];
  const time = async (fn) => {
    for (let i = 0; i < 2; i++) await fn();
    const ms = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
  };
  const rows = [];
  for (const [name, q] of cases) {
    const url = `${base}/api/reports?from=${from}&to=${to}&${q}`;
    const api = await time(async () => {
      const res = await fetch(url, { headers: auth });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      await res.json();
    });
    rows.push({ name, api });
    log(name, api);
  }
  // The raw floor of "operator, by day": plain pg reading the same cells (no percentiles, no
  // JSON), and for comparison the heaviest aggregate the facts path would run.
  const cellArgs = [account, 'operator', from, to];
  const floor = await time(() =>
    Promise.all([
      db.query(
        `SELECT metric, day, dim_value, count, seconds_sum, array_to_string(millis, ',')
           FROM report_time_cells WHERE account_id = $1 AND dim = $2 AND day BETWEEN $3 AND $4`,
        cellArgs,
      ),
      db.query(
        `SELECT * FROM report_counter_cells
          WHERE account_id = $1 AND dim = $2 AND day >= $3 AND $4::date IS NOT NULL`,
        cellArgs,
      ),
      db.query(`SELECT * FROM report_open_counts WHERE account_id = $1 AND dim = $2`, [
        account,
        'operator',
      ]),
    ]),
  );
  const factsFloor = await time(() =>
    db.query(
      `SELECT day, operator_id, kind, count(*),
              percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds),
              percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)
         FROM report_responses WHERE account_id = $1 AND day BETWEEN $2 AND $3
        GROUP BY day, operator_id, kind`,
      [account, from, to],
    ),
  );
  const inPeriod = (
    await db.query(
      `SELECT count(*)::int AS n FROM report_responses WHERE account_id = $1 AND day BETWEEN $2 AND $3`,
      [account, from, to],
    )
  ).rows[0].n;
  log('raw floor', floor, 'facts aggregate', factsFloor);

  const f = (ms) => `${ms.toFixed(0)} ms`;
  const n = (x) => Number(x).toLocaleString('en');
  const worst = Math.max(...rows.map((r) => r.api.p95));
  const operatorRow = rows.find((r) => r.name === 'operator, by day');
  const section = `<!-- bench-reports:start -->
## Reports: 90 days over 1 M conversations and 10 M messages

Measured by \`npm run bench -- reports\` on ${day(new Date())}: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL at ${embedded ? 'an embedded server' : 'DATABASE_URL'}.
The facts of ${n(counts.cycles)} conversations with ${n(counts.cycles * REPLIES * 2)} messages (${REPLIES} customer
messages and ${REPLIES} replies each) over ${HISTORY_DAYS} days are **seeded** straight into the fact tables with
\`generate_series\` (${n(counts.cycles)} cycles, ${n(counts.responses)} responses, ${n(counts.daily)} daily rows),
not replayed through the pipeline and the \`reports\` consumer: that would take hours. The
rollups are then built from those facts by their own migration (\`1797790000000-report-cells\`),
as an upgrade would: ${n(counts.spans)} backlog spans, ${n(counts.time_cells)} time cells, ${n(counts.counter_cells)} counter cells${rollupSeconds === null ? ' (reused from an earlier run)' : `, in ${rollupSeconds.toFixed(0)} s (seeding and rollups ${seedSeconds.toFixed(0)} s in all)`}.
10 inboxes, 4 channels, 8 teams, 50 operators, account timezone ${TZ}. Each report is the last 90
days (${n(inPeriod)} responses in the period), through HTTP, ${RUNS} runs after 2 warm-ups.

| Report (90 days) | p50 | p95 |
| --- | ---: | ---: |
${rows.map((r) => `| ${r.name} | ${f(r.api.p50)} | ${f(r.api.p95)} |`).join('\n')}
| raw floor of "operator, by day": \`pg\` reading the same cells | ${f(floor.p50)} | ${f(floor.p95)} |
| for comparison: percentiles per day and operator over the facts, \`pg\` | ${f(factsFloor.p50)} | ${f(factsFloor.p95)} |

"operator, by day" takes ${(operatorRow.api.p50 / floor.p50).toFixed(1)}× its raw floor at p50: the rest is the exact
medians and p90s (\`sorted-runs.ts\`), the report's JSON and HTTP.
Load average at the end of the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.

Tags: 4 tags on 5 %, 10 %, 0.1 % and 0.001 % of the conversations, drawn independently
(${n(counts.tagged)} tagged; ${n(counts.both)} carry both payment and billing).

Target: p95 < 500 ms for any report: every grouping and filter on channel, inbox, team and
operator (one column, a pair, or inbox+team+operator; a channel with other columns reads its
inboxes), one tag with any of them (a tag with two or three columns reads
tag+inbox+team+operator), and several tags at once (their cells, minus the facts of the
conversations that carry two of them, which those cells count twice). Result:
${worst < 500 ? 'met' : 'not met'} (worst p95 ${f(worst)}).
<!-- bench-reports:end -->`;
  const file = process.env.BENCH_DOC ?? 'docs/benchmarks.md';
  let doc = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
  doc = doc.includes('<!-- bench-reports:start -->')
    ? doc.replace(/<!-- bench-reports:start -->[\s\S]*<!-- bench-reports:end -->/, () => section)
    : doc.replace('<!-- bench:end -->', `\n${section}\n<!-- bench:end -->`);
  writeFileSync(file, doc);
  await run('npx', ['prettier', '--write', file]);
  console.log(section);
} finally {
  // Ten million rows are not left behind in a shared server.
  if (process.env.BENCH_REPORTS_KEEP) log(`kept ${dbName}: BENCH_REPORTS_DB=${dbName} reuses it`);
  await stop({ dropDatabase: !process.env.BENCH_REPORTS_KEEP });
}
process.exit(0);
