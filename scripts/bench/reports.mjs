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

const { base, auth, db, embedded, stop } = await startBenchApi('reports');
try {
  await fetch(`${base}/api/account`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ timezone: TZ }),
  });
  const account = (await db.query(`SELECT id FROM accounts LIMIT 1`)).rows[0].id;
  const inboxes = Array.from({ length: 10 }, () => randomUUID());
  const channels = ['email', 'webchat', 'telegram', 'whatsapp'];
  const teams = Array.from({ length: 8 }, () => randomUUID());
  const operators = Array.from({ length: 50 }, () => randomUUID());

  // One conversation per row of g; its dims are arithmetic on g, its times spread over the history.
  const seedStart = performance.now();
  log(`seeding facts of ${CONVERSATIONS} conversations`);
  const dims = `
    ($2::uuid[])[1 + g % 10] AS inbox_id, ($3::text[])[1 + g % 4] AS channel,
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
  await db.query(`VACUUM ANALYZE report_cycles, report_responses, report_daily`);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM report_cycles)::int AS cycles,
              (SELECT count(*) FROM report_responses)::int AS responses,
              (SELECT count(*) FROM report_daily)::int AS daily`,
    )
  ).rows[0];
  log(`seeded in ${seedSeconds.toFixed(0)} s`, counts);

  const day = (d) => d.toISOString().slice(0, 10);
  const to = day(new Date());
  const from = day(new Date(Date.now() - 89 * 86_400_000));
  const cases = [
    ['none, by day', `groupBy=none&bucket=day`],
    ['channel, by day', `groupBy=channel&bucket=day`],
    ['inbox, by week', `groupBy=inbox&bucket=week`],
    ['team, by day, business hours', `groupBy=team&bucket=day&businessHours=true`],
    ['operator, by day', `groupBy=operator&bucket=day`],
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
  // The raw floor: the heaviest aggregate (response-time percentiles per day and operator over
  // the 90 days) as one plain statement.
  const floor = await time(() =>
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
  log('raw floor', floor);

  const f = (ms) => `${ms.toFixed(0)} ms`;
  const worst = Math.max(...rows.map((r) => r.api.p95));
  const section = `<!-- bench-reports:start -->
## Reports: 90 days over 1 M conversations and 10 M messages

Measured by \`npm run bench -- reports\` on ${day(new Date())}: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL at ${embedded ? 'an embedded server' : 'DATABASE_URL'}.
The facts of ${CONVERSATIONS.toLocaleString('en')} conversations with ${(CONVERSATIONS * REPLIES * 2).toLocaleString('en')} messages (${REPLIES} customer messages and ${REPLIES} replies each)
over ${HISTORY_DAYS} days are **seeded** straight into the report tables with \`generate_series\`
(${counts.cycles.toLocaleString('en')} cycles, ${counts.responses.toLocaleString('en')} responses, ${counts.daily.toLocaleString('en')} daily rows; ${seedSeconds.toFixed(0)} s), not replayed through
the pipeline and the \`reports\` consumer: that would take hours, and a report reads only these
tables. 10 inboxes, 4 channels, 8 teams, 50 operators, account timezone ${TZ}. Each report is the
last 90 days (${inPeriod.toLocaleString('en')} responses in the period), through HTTP, ${RUNS} runs after 2 warm-ups.
The raw floor is the heaviest aggregate of a report (response-time median and p90 per day and
operator) as one plain SQL statement run by \`pg\`.

| Report (90 days) | p50 | p95 |
| --- | ---: | ---: |
${rows.map((r) => `| ${r.name} | ${f(r.api.p50)} | ${f(r.api.p95)} |`).join('\n')}
| raw floor: one percentile aggregate, \`pg\` | ${f(floor.p50)} | ${f(floor.p95)} |

Load average at the end of the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (other work shared the machine).

Target: p95 < 500 ms. Result: ${worst < 500 ? 'met' : 'not met'} (worst p95 ${f(worst)}).
<!-- bench-reports:end -->`;
  const file = 'docs/benchmarks.md';
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
  await stop({ dropDatabase: !process.env.BENCH_REPORTS_KEEP });
}
process.exit(0);
