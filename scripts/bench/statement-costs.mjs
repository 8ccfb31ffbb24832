// Where PostgreSQL's time goes during a bench phase: pg_stat_statements, per message.
// Needs the server started with shared_preload_libraries=pg_stat_statements (the bench's embedded
// one is); elsewhere it reports nothing rather than failing the bench.
import pg from 'pg';

async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates the extension in `url`'s database and zeroes it; false when the server lacks it. */
export async function resetStatementCosts(url) {
  try {
    return await withClient(url, async (c) => {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await c.query('SELECT pg_stat_statements_reset()');
      return true;
    });
  } catch {
    return false;
  }
}

/**
 * The costliest statements since the reset, top-level ones and those run inside functions
 * (`sb_ingest_batch`'s steps), as microseconds of execution per message.
 */
export async function statementCosts(url, messages, limit = 12, by = 'time') {
  try {
    return await withClient(url, async (c) => {
      // by 'calls': the statements the API sends itself (each a round trip), most frequent first.
      const { rows } = await c.query(
        `SELECT toplevel, calls, total_exec_time AS ms, regexp_replace(query, '\\s+', ' ', 'g') AS query
           FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND ($2 = 'time' OR (toplevel AND query NOT LIKE 'SELECT 1 FROM ONLY %'))
          ORDER BY CASE WHEN $2 = 'time' THEN total_exec_time ELSE calls END DESC LIMIT $1`,
        [limit, by],
      );
      return rows.map((r) => ({
        level: r.toplevel ? 'statement' : 'inside a function',
        callsPerMessage: Number(r.calls) / messages,
        microsPerMessage: (Number(r.ms) * 1000) / messages,
        query: r.query.length > 90 ? `${r.query.slice(0, 87)}…` : r.query,
      }));
    });
  } catch {
    return [];
  }
}

/**
 * Statements sent by clients since the reset, per message. Foreign-key checks fired at the end of
 * a statement show as top level ('SELECT 1 FROM ONLY …') but are no round trip: left out.
 */
export async function roundTripsPerMessage(url, messages) {
  try {
    return await withClient(url, async (c) => {
      const { rows } = await c.query(
        `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel
            AND query NOT LIKE 'SELECT 1 FROM ONLY %'`,
      );
      return Number(rows[0].calls) / messages;
    });
  } catch {
    return NaN;
  }
}

/** A markdown table of `statementCosts`. */
export function statementTable(costs) {
  if (costs.length === 0) return '_(pg_stat_statements is not loaded in this PostgreSQL)_';
  const cell = (q) => `\`${q.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
  return [
    '| µs per message | calls per message | where | statement |',
    '| ---: | ---: | --- | --- |',
    ...costs.map(
      (c) =>
        `| ${c.microsPerMessage.toFixed(0)} | ${c.callsPerMessage.toFixed(2)} | ${c.level} | ${cell(c.query)} |`,
    ),
  ].join('\n');
}
