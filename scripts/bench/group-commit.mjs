// `npm run bench -- group-commit`: what one transaction per message costs against several per
// transaction, in PostgreSQL alone. The same inbound messages go straight to the SQL functions the
// API calls (no HTTP, no Node work): one `sb_ingest_message` per transaction from 8 connections,
// then `sb_ingest_batch` with 10 and 40 messages per transaction from 2 (the API's two lanes).
// PostgreSQL's CPU is read from /proc; the figures go to the bench-group-commit section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startBenchApi } from './bench-api.mjs';
import { functionInputs } from './function-inputs.mjs';
import { cpuReading } from './process-cpu.mjs';
import { run } from '../lib/run.mjs';

const root = new URL('../..', import.meta.url).pathname;
process.chdir(root);
const MESSAGES = Number(process.env.BENCH_GROUP_MESSAGES ?? 4000);
const log = (...a) => console.log('[bench:group-commit]', ...a);

const bench = await startBenchApi('group');
const rows = [];
try {
  const { pool, input } = await functionInputs(bench, pg, { poolSize: 8 });
  // bench-api.mjs's embedded PostgreSQL lives here; on DATABASE_URL every `postgres` counts.
  const dataDir = bench.embedded ? `/tmp/sb-bench-group-${process.pid}` : undefined;
  const measure = async (name, work) => {
    const before = cpuReading({ serverPid: process.pid, dataDir });
    const t = performance.now();
    await work();
    const seconds = (performance.now() - t) / 1000;
    const after = cpuReading({ serverPid: process.pid, dataDir });
    const pgMs = ((after.postgres - before.postgres) * 1000) / MESSAGES;
    rows.push({ name, perSecond: MESSAGES / seconds, pgMs });
    log(`${name}: ${(MESSAGES / seconds).toFixed(0)} msg/s, PostgreSQL ${pgMs.toFixed(3)} ms/msg`);
  };
  for (let i = 0; i < 200; i++)
    await pool.query('SELECT sb_ingest_message($1::jsonb)', [JSON.stringify(input('warm', i))]);
  await measure('one per transaction (8 connections)', async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < MESSAGES) {
          const i = next++;
          await pool.query('SELECT sb_ingest_message($1::jsonb)', [
            JSON.stringify(input('one', i)),
          ]);
        }
      }),
    );
  });
  for (const size of [10, 40]) {
    await measure(`${size} per transaction (2 lanes)`, async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 2 }, async () => {
          while (next < MESSAGES) {
            const batch = [];
            while (batch.length < size && next < MESSAGES) batch.push(input(`b${size}`, next++));
            await pool.query('SELECT sb_ingest_batch($1::jsonb)', [JSON.stringify(batch)]);
          }
        }),
      );
    });
  }
  await pool.end();
} finally {
  await bench.stop({ dropDatabase: true });
}

const base = rows[0];
const section = `<!-- bench-group-commit:start -->

## Group commit: PostgreSQL's cost per message

Measured by \`npm run bench -- group-commit\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. ${MESSAGES.toLocaleString('en')} inbound messages from 500 customers
(their first messages open conversations) sent straight to the SQL functions the API calls, no HTTP
and no Node work: PostgreSQL's own CPU per message (from \`/proc\`, all its processes).

| Transactions | Messages/s | PostgreSQL CPU per message | Against one per transaction |
| --- | ---: | ---: | ---: |
${rows.map((r) => `| ${r.name} | ${r.perSecond.toFixed(0)} | ${r.pgMs.toFixed(3)} ms | ${((r.pgMs / base.pgMs) * 100).toFixed(0)} % |`).join('\n')}

The API groups webhooks that arrive together the same way (\`modules/channels/group-commit.ts\`), so
under load each message costs PostgreSQL what the batched rows cost here.
<!-- bench-group-commit:end -->`;
const file = process.env.BENCH_DOC ?? 'docs/benchmarks.md';
let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
doc = doc.includes('<!-- bench-group-commit:start -->')
  ? doc.replace(
      /<!-- bench-group-commit:start -->[\s\S]*<!-- bench-group-commit:end -->/,
      () => section,
    )
  : doc.replace('<!-- bench:end -->', `${section}\n<!-- bench:end -->`);
writeFileSync(file, doc);
await run('npx', ['prettier', '--write', file]);
console.log(section);
process.exit(0);
