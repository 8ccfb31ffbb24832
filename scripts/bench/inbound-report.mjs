// The inbound bench's section of docs/benchmarks.md: the tables, where the time goes, the feed,
// the long conversation and the run history, from the figures scripts/bench.mjs measured.
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { profileLine } from './cpu-profile-summary.mjs';
import { historyRows, historyTable } from './history.mjs';
import { statementTable } from './statement-costs.mjs';

/** `previous`: the document as it was, for the history rows it keeps. */
export async function inboundReport({ results, embedded, RATE, SECONDS, CONVERSATIONS, previous }) {
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
time only, lock waits included; "inside a function" are the steps of \`sb_ingest_batch\`):

${statementTable(sb.sat.statements)}

${
  sb.sat.roundTrips
    ? `Statements the API sends (each a round trip and a socket write): ${f(sb.sat.roundTrips.perMessage, 2)} per message in all (transaction control included), the most frequent:

${statementTable(sb.sat.roundTrips.top)}`
    : ''
}

${results.profile ? `The API's CPU profile (\`BENCH_PROFILE=1\`, self time by owner): ${profileLine(results.profile)}.` : "The API's CPU profile by owner: run with `BENCH_PROFILE=1`."}

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
  return report;
}
