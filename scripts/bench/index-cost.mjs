#!/usr/bin/env node
// What the hot tables' secondary indexes cost an inbound message, in PostgreSQL alone: the batch
// function the API calls (`sb_ingest_batch`, 10 messages per transaction, 2 lanes) is run with all
// indexes, then with a set of them dropped, in turn, round after round (the machine's noise is
// larger than the effect, so compare medians). An upper bound for the "fewer indexes" lever: the
// dropped indexes serve the feed, search and downloads, so they cannot simply go.
//   node scripts/bench/index-cost.mjs   (INDEX_COST_MESSAGES, INDEX_COST_ROUNDS; DATABASE_URL or
//   an embedded PostgreSQL, as for `npm run bench`). Prints PostgreSQL CPU and WAL per message.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startBenchApi } from './bench-api.mjs';
import { functionInputs } from './function-inputs.mjs';
import { cpuReading } from './process-cpu.mjs';

process.chdir(new URL('../..', import.meta.url).pathname);
const MESSAGES = Number(process.env.INDEX_COST_MESSAGES ?? 8000);
const ROUNDS = Number(process.env.INDEX_COST_ROUNDS ?? 5);

/** Each variant drops these indexes for its measurement and puts them back after. */
const VARIANTS = {
  'all indexes': [],
  'without 3 message indexes': [
    'messages_attachments_idx',
    'messages_account_external_idx',
    'messages_search_idx',
  ],
  'without 8 conversation indexes': [
    'conversations_activity_idx',
    'conversations_assignee_feed_idx',
    'conversations_inbox_feed_idx',
    'conversations_priority_feed_idx',
    'conversations_awaiting_operator_idx',
    'conversations_awaiting_customer_idx',
    'conversations_status_since_idx',
    'conversations_assignee_team_id_idx',
  ],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bench = await startBenchApi('indexcost');
try {
  const { pool, input } = await functionInputs(bench, pg, { poolSize: 2 });
  const dataDir = bench.embedded ? `/tmp/sb-bench-indexcost-${process.pid}` : undefined;
  const wal = async () =>
    (await pool.query('SELECT wal_records, wal_bytes FROM pg_stat_wal')).rows[0];

  const measure = async (tag) => {
    const walBefore = await wal();
    const before = cpuReading({ serverPid: process.pid, dataDir });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        while (next < MESSAGES) {
          const batch = [];
          while (batch.length < 10 && next < MESSAGES) batch.push(input(tag, next++));
          await pool.query('SELECT sb_ingest_batch($1::jsonb)', [JSON.stringify(batch)]);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = cpuReading({ serverPid: process.pid, dataDir });
    const walAfter = await wal();
    return {
      perSecond: MESSAGES / seconds,
      pgMs: ((after.postgres - before.postgres) * 1000) / MESSAGES,
      walRecords: (walAfter.wal_records - walBefore.wal_records) / MESSAGES,
      walBytes: (walAfter.wal_bytes - walBefore.wal_bytes) / MESSAGES,
    };
  };

  for (let i = 0; i < 200; i++)
    await pool.query('SELECT sb_ingest_batch($1::jsonb)', [JSON.stringify([input('warm', i)])]);
  const results = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, dropped] of Object.entries(VARIANTS)) {
      const defs = (
        await pool.query('SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)', [
          dropped,
        ])
      ).rows;
      if (defs.length !== dropped.length) throw new Error(`${name}: an index is missing`);
      for (const { indexname } of defs) await pool.query(`DROP INDEX ${indexname}`);
      await pool.query('CHECKPOINT');
      try {
        const r = await measure(`r${round}-${Object.keys(VARIANTS).indexOf(name)}`);
        results[name].push(r);
        console.log(
          `[index-cost] ${name}, round ${round + 1}: ${r.perSecond.toFixed(0)} msg/s, ` +
            `PostgreSQL ${r.pgMs.toFixed(3)} ms, WAL ${r.walRecords.toFixed(1)} records ` +
            `${r.walBytes.toFixed(0)} bytes per message`,
        );
      } finally {
        for (const { indexdef } of defs) await pool.query(indexdef);
      }
    }
  }
  const base = median(results['all indexes'].map((r) => r.pgMs));
  console.log('\n| Indexes | PostgreSQL CPU per message (median) | Against all | WAL records |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, rs] of Object.entries(results)) {
    const pgMs = median(rs.map((r) => r.pgMs));
    console.log(
      `| ${name} | ${pgMs.toFixed(3)} ms | ${((pgMs / base) * 100).toFixed(0)} % | ` +
        `${median(rs.map((r) => r.walRecords)).toFixed(1)} |`,
    );
  }
  await pool.end();
} finally {
  await bench.stop({ dropDatabase: true });
}
process.exit(0);
