import type { MigrationInterface, QueryRunner } from 'typeorm';

const MILLIS = (col: string) => `floor(${col} * 1000 + 0.5)::bigint`;

const COLUMNS = ['channel', 'inbox', 'team', 'operator'];
const PAIRS = COLUMNS.flatMap((a, i) => COLUMNS.slice(i + 1).map((b) => [a, b]));
const SQL_VALUE: Record<string, string> = {
  channel: 'f.channel',
  inbox: 'f.inbox_id::text',
  team: `coalesce(f.team_id::text, '-')`,
  operator: `coalesce(f.operator_id::text, '-')`,
};
/**
 * The cell dimensions: all, each column, each pair of columns (`a+b`, value `<a>|<b>`), the
 * triple inbox+team+operator (an inbox has one channel: it answers any three or four columns),
 * and per current tag of the fact's conversation: the tag, the tag with inbox, team, operator, and
 * the tag with all three (for a tag with two or three columns).
 */
const TRIPLE = ['inbox', 'team', 'operator'];
const TAG_QUAD = `tag+${TRIPLE.join('+')}`;
const TAG_DIMS = ['tag', ...TRIPLE.map((c) => `tag+${c}`), TAG_QUAD];
const DIM_NAMES = [
  'none',
  ...COLUMNS,
  ...PAIRS.map(([a, b]) => `${a}+${b}`),
  TRIPLE.join('+'),
  ...TAG_DIMS,
];
const DIM_CHECK = `CHECK (dim IN (${DIM_NAMES.map((d) => `'${d}'`).join(', ')}))`;
/** Every fact (rows `f` with conversation_id) counts once in each of its cells. */
const DIMS = `(VALUES ('none', ''), ${[
  ...COLUMNS.map((c) => `('${c}', ${SQL_VALUE[c]})`),
  ...PAIRS.map(([a, b]) => `('${a}+${b}', ${SQL_VALUE[a!]} || '|' || ${SQL_VALUE[b!]})`),
  `('${TRIPLE.join('+')}', ${TRIPLE.map((c) => SQL_VALUE[c]).join(` || '|' || `)})`,
].join(', ')}
  UNION ALL
  SELECT x.dim, x.value FROM report_conversation_tags t
   CROSS JOIN LATERAL (VALUES ('tag', t.tag_id::text), ${TRIPLE.map(
     (c) => `('tag+${c}', t.tag_id::text || '|' || ${SQL_VALUE[c]})`,
   ).join(', ')}, ('${TAG_QUAD}', t.tag_id::text || '|' || ${TRIPLE.map((c) => SQL_VALUE[c]).join(
     ` || '|' || `,
   )})) x(dim, value)
   WHERE t.conversation_id = f.conversation_id) d(dim, value)`;

const COUNTERS = [
  'new_count',
  'closed_count',
  'reopened_count',
  'replies',
  'sla_met',
  'sla_breached',
  'csat_count',
  'csat_sum',
  'csat_satisfied',
  'nps_count',
  'nps_promoters',
  'nps_detractors',
];

/**
 * Reports' rollup cells (docs/architecture.md, "Reports (API)"): per local day and value of one
 * cell dimension (all, a column, a pair of columns, inbox+team+operator, or a tag alone or with
 * one column), the counters summed, the backlog's spans opened and ended, and the response and
 * resolution times kept as sorted arrays of whole milliseconds; the backlog now per value; and the
 * backlog's spans (one owner each). A 90-day report reads a few rows per day instead of every fact
 * of the period. Filled here from the facts already written; the `reports` consumer keeps them.
 */
export class ReportCells1797790000000 implements MigrationInterface {
  name = 'ReportCells1797790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_time_cells (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        dim text NOT NULL,
        metric text NOT NULL,
        day date NOT NULL,
        dim_value text NOT NULL,
        count integer NOT NULL DEFAULT 0,
        seconds_sum double precision NOT NULL DEFAULT '0',
        business_sum double precision NOT NULL DEFAULT '0',
        millis bigint[] NOT NULL DEFAULT '{}',
        business_millis bigint[] NOT NULL DEFAULT '{}',
        CONSTRAINT report_time_cells_pkey PRIMARY KEY (account_id, dim, day, metric, dim_value),
        CONSTRAINT report_time_cells_dim_check ${DIM_CHECK},
        CONSTRAINT report_time_cells_metric_check CHECK (metric IN ('first', 'next', 'resolution'))
      );
      CREATE TABLE report_counter_cells (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        dim text NOT NULL,
        day date NOT NULL,
        dim_value text NOT NULL,
        ${COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        opened integer NOT NULL DEFAULT 0,
        ended integer NOT NULL DEFAULT 0,
        CONSTRAINT report_counter_cells_pkey PRIMARY KEY (account_id, dim, day, dim_value),
        CONSTRAINT report_counter_cells_dim_check ${DIM_CHECK}
      );

      CREATE TABLE report_open_counts (
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        dim text NOT NULL,
        dim_value text NOT NULL,
        open integer NOT NULL DEFAULT 0,
        CONSTRAINT report_open_counts_pkey PRIMARY KEY (account_id, dim, dim_value),
        CONSTRAINT report_open_counts_dim_check ${DIM_CHECK}
      );
      -- The tags the reports consumer has seen on each conversation: its facts count in their cells.
      CREATE TABLE report_conversation_tags (
        conversation_id uuid NOT NULL,
        tag_id uuid NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        CONSTRAINT report_conversation_tags_pkey PRIMARY KEY (conversation_id, tag_id)
      );
      INSERT INTO report_conversation_tags (conversation_id, tag_id, account_id)
      SELECT conversation_id, tag_id, account_id FROM conversation_tags;
      -- A report on several tags finds the conversations carrying two or more of them by tag.
      CREATE INDEX report_conversation_tags_tag_idx
        ON report_conversation_tags (tag_id, conversation_id);
      CREATE TABLE report_spans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL,
        inbox_id uuid NOT NULL,
        channel text NOT NULL,
        team_id uuid,
        operator_id uuid,
        started_at timestamptz NOT NULL,
        started_day date NOT NULL,
        ended_at timestamptz,
        ended_day date
      );
      -- History before spans: one span per cycle, with the owner it had at its close.
      INSERT INTO report_spans (account_id, conversation_id, inbox_id, channel, team_id,
             operator_id, started_at, started_day, ended_at, ended_day)
      SELECT account_id, conversation_id, inbox_id, channel, team_id, operator_id, started_at,
             started_day, closed_at, closed_day FROM report_cycles;
      CREATE INDEX report_spans_started_idx ON report_spans (account_id, started_day);
      CREATE INDEX report_spans_ended_idx ON report_spans (account_id, ended_day)
        WHERE ended_day IS NOT NULL;
      CREATE INDEX report_spans_conversation_idx ON report_spans (conversation_id);
      CREATE INDEX report_spans_range_idx ON report_spans
        USING gist (account_id, tstzrange(started_at, ended_at, '(]'));
      DROP INDEX IF EXISTS report_cycles_span_idx;

      INSERT INTO report_time_cells (account_id, dim, metric, day, dim_value, count, seconds_sum,
             business_sum, millis, business_millis)
      SELECT f.account_id, d.dim, f.metric, f.day, d.value, count(*), sum(f.seconds),
             sum(f.business_seconds), array_agg(${MILLIS('f.seconds')} ORDER BY ${MILLIS('f.seconds')}),
             array_agg(${MILLIS('f.business_seconds')} ORDER BY ${MILLIS('f.business_seconds')})
        FROM (SELECT account_id, conversation_id, kind AS metric, day, inbox_id, channel, team_id,
                     operator_id, seconds, business_seconds FROM report_responses
              UNION ALL
              SELECT account_id, conversation_id, 'resolution', closed_day, inbox_id, channel,
                     team_id, operator_id, seconds, business_seconds FROM report_cycles
               WHERE closed_day IS NOT NULL AND NOT merged AND seconds IS NOT NULL) f,
             LATERAL ${DIMS}
       GROUP BY f.account_id, d.dim, f.metric, f.day, d.value;

      INSERT INTO report_counter_cells (account_id, dim, day, dim_value, ${COUNTERS.join(', ')},
             opened, ended)
      SELECT f.account_id, d.dim, f.day, d.value, ${COUNTERS.map((c) => `sum(f.${c})`).join(', ')},
             sum(f.opened), sum(f.ended)
        FROM (SELECT account_id, conversation_id, day, inbox_id, channel, team_id, operator_id,
                     ${COUNTERS.join(', ')}, 0 AS opened, 0 AS ended FROM report_daily
              UNION ALL
              SELECT account_id, conversation_id, started_day, inbox_id, channel, team_id,
                     operator_id, ${COUNTERS.map(() => '0').join(', ')}, 1, 0 FROM report_spans
              UNION ALL
              SELECT account_id, conversation_id, ended_day, inbox_id, channel, team_id, operator_id,
                     ${COUNTERS.map(() => '0').join(', ')}, 0, 1 FROM report_spans
               WHERE ended_day IS NOT NULL) f,
             LATERAL ${DIMS}
       GROUP BY f.account_id, d.dim, f.day, d.value;

      INSERT INTO report_open_counts (account_id, dim, dim_value, open)
      SELECT f.account_id, d.dim, d.value, count(*)
        FROM report_spans f, LATERAL ${DIMS}
       WHERE f.ended_at IS NULL
       GROUP BY f.account_id, d.dim, d.value;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX report_cycles_span_idx ON report_cycles
        USING gist (account_id, tstzrange(started_at, closed_at, '(]'));
      DROP TABLE report_spans;
      DROP TABLE report_conversation_tags;
      DROP TABLE report_open_counts;
      DROP TABLE report_counter_cells;
      DROP TABLE report_time_cells;
    `);
  }
}
