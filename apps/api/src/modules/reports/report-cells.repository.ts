import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/sql-rows';
import { CELL_COLUMNS, PAIRS, TAG_PAIRED, TAG_QUAD, TRIPLE, type CellColumn } from './cell-dims';
import { DAILY_COLUMNS, type DailyDelta } from './report-facts.repository';
import type { ReportDims } from './report-fold';

/** A fact's value of a column in SQL ('-' for no team or operator; never contains '|'). */
const SQL_VALUE: Record<CellColumn, string> = {
  channel: 'f.channel',
  inbox: 'f.inbox_id::text',
  team: `coalesce(f.team_id::text, '-')`,
  operator: `coalesce(f.operator_id::text, '-')`,
};

const BASE_VALUES = `VALUES ('none', ''), ${[
  ...CELL_COLUMNS.map((c) => `('${c}', ${SQL_VALUE[c]})`),
  ...PAIRS.map(([a, b]) => `('${a}+${b}', ${SQL_VALUE[a]} || '|' || ${SQL_VALUE[b]})`),
  `('${TRIPLE.join('+')}', ${TRIPLE.map((c) => SQL_VALUE[c]).join(` || '|' || `)})`,
].join(', ')}`;

/** The tag cells of rows `f` for the tag id in SQL expression `tag` (a uuid). */
export const tagValues = (tag: string) =>
  `VALUES ('tag', ${tag}::text), ${TAG_PAIRED.map(
    (c) => `('tag+${c}', ${tag}::text || '|' || ${SQL_VALUE[c]})`,
  ).join(', ')}, ('${TAG_QUAD}', ${[`${tag}::text`, ...TAG_PAIRED.map((c) => SQL_VALUE[c])].join(
    ` || '|' || `,
  )})`;

/**
 * `LATERAL ${FAN_OUT}` over rows `f` with the four columns and `conversation_id` gives each of
 * its cells (dim, value): the 12 of its columns, and 5 per tag the `reports` consumer has seen on
 * its conversation (report_conversation_tags).
 */
export const FAN_OUT = `(${BASE_VALUES}
  UNION ALL
  SELECT x.dim, x.value FROM report_conversation_tags t
   CROSS JOIN LATERAL (${tagValues('t.tag_id')}) x(dim, value)
   WHERE t.conversation_id = f.conversation_id) d(dim, value)`;

export type TimeMetric = 'first' | 'next' | 'resolution';

/** One response or resolution time to add to its day's cells. */
export interface TimeFact {
  conversationId: string;
  metric: TimeMetric;
  day: string;
  seconds: number;
  businessSeconds: number;
  dims: ReportDims;
}

export interface TimeCellRow {
  metric: TimeMetric;
  day: string;
  value: string;
  count: number;
  sum: number;
  /** The cell's sorted whole milliseconds as `array_to_string` text (parsed by `parseRun`). */
  run: string;
}

export type CounterCellRow = { day: string; value: string } & Record<
  (typeof DAILY_COLUMNS)[number],
  string
>;

export interface BacklogCellRow {
  day: string;
  value: string;
  opened: number;
  ended: number;
}

export interface OpenCountRow {
  value: string;
  open: number;
}

/** Where a cell read looks: one cell dimension, the values kept of each part, local days. */
export interface CellScope {
  accountId: string;
  dim: string;
  parts: Array<string[] | null>;
  from: string;
  to: string;
}

/** The values kept of a cell's parts, first to fourth ($5 … $8: null keeps all). */
export const PART_FILTER = [1, 2, 3, 4]
  .map(
    (i) =>
      `($${i + 4}::text[] IS NULL OR split_part(dim_value, '|', ${i}) = ANY($${i + 4}::text[]))`,
  )
  .join(' AND ');

/**
 * Seconds as whole milliseconds, the resolution of event times (PostgreSQL's round() of a double
 * breaks ties by platform; this matches Math.round).
 */
export const millis = (col: string) => `floor(${col} * 1000 + 0.5)::bigint`;

/**
 * The reports' rollup cells (`report_time_cells`, `report_counter_cells`): written by the
 * `reports` consumer in its cursor's transaction, next to the facts they sum; read by a report
 * on the four cell columns (cell-dims.ts; tags read the facts).
 */
@Injectable()
export class ReportCellsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async addTimes(em: EntityManager, accountId: string, facts: TimeFact[]): Promise<void> {
    if (facts.length === 0) return;
    const sorted = (col: string) => `array_agg(${millis(col)} ORDER BY ${millis(col)})`;
    // raw SQL: one statement per batch fanning each fact out to its cells (LATERAL VALUES),
    // and merging sorted arrays on conflict, which the builder cannot write.
    await em.query(
      `INSERT INTO report_time_cells AS c (account_id, dim, day, metric, dim_value, count,
              seconds_sum, business_sum, millis, business_millis)
       SELECT $1, d.dim, f.day, f.metric, d.value, count(*), sum(f.seconds), sum(f.business),
              ${sorted('f.seconds')}, ${sorted('f.business')}
         FROM unnest($2::text[], $3::date[], $4::float8[], $5::float8[], $6::uuid[], $7::text[],
                     $8::uuid[], $9::uuid[], $10::uuid[])
                AS f(metric, day, seconds, business, inbox_id, channel, team_id, operator_id,
                     conversation_id),
              LATERAL ${FAN_OUT}
        GROUP BY d.dim, f.day, f.metric, d.value
       ON CONFLICT ON CONSTRAINT report_time_cells_pkey DO UPDATE SET
         count = c.count + EXCLUDED.count,
         seconds_sum = c.seconds_sum + EXCLUDED.seconds_sum,
         business_sum = c.business_sum + EXCLUDED.business_sum,
         millis = ARRAY(SELECT v FROM unnest(c.millis || EXCLUDED.millis) v ORDER BY v),
         business_millis = ARRAY(SELECT v FROM unnest(c.business_millis || EXCLUDED.business_millis) v
                                 ORDER BY v)`,
      [
        accountId,
        facts.map((f) => f.metric),
        facts.map((f) => f.day),
        facts.map((f) => f.seconds),
        facts.map((f) => f.businessSeconds),
        facts.map((f) => f.dims.inboxId),
        facts.map((f) => f.dims.channel),
        facts.map((f) => f.dims.teamId),
        facts.map((f) => f.dims.operatorId),
        facts.map((f) => f.conversationId),
      ],
    );
  }

  async addCounters(em: EntityManager, deltas: DailyDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    // raw SQL: one statement per batch fanning each delta out to its cells and adding
    // EXCLUDED counters on conflict; the builder's orUpdate can only copy EXCLUDED values.
    await em.query(
      `INSERT INTO report_counter_cells AS c (account_id, dim, day, dim_value,
              ${DAILY_COLUMNS.join(', ')})
       SELECT f.account_id, d.dim, f.day, d.value, ${DAILY_COLUMNS.map((c) => `sum(f.${c})`).join(', ')}
         FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[],
                     $7::uuid[], ${DAILY_COLUMNS.map((_, i) => `$${i + 8}::int[]`).join(', ')})
                AS f(account_id, day, inbox_id, channel, team_id, operator_id, conversation_id,
                     ${DAILY_COLUMNS.join(', ')}),
              LATERAL ${FAN_OUT}
        GROUP BY f.account_id, d.dim, f.day, d.value
       ON CONFLICT ON CONSTRAINT report_counter_cells_pkey DO UPDATE SET
         ${DAILY_COLUMNS.map((c) => `${c} = c.${c} + EXCLUDED.${c}`).join(', ')}`,
      [
        deltas.map((d) => d.accountId),
        deltas.map((d) => d.day),
        deltas.map((d) => d.dims.inboxId),
        deltas.map((d) => d.dims.channel),
        deltas.map((d) => d.dims.teamId),
        deltas.map((d) => d.dims.operatorId),
        deltas.map((d) => d.conversationId),
        ...DAILY_COLUMNS.map((c) => deltas.map((d) => d.counts[c])),
      ],
    );
  }

  /** The period's time cells of one dimension; `business` picks the business-hours column. */
  timeCells(scope: CellScope, business: boolean): Promise<TimeCellRow[]> {
    const [run, sum] = business ? ['business_millis', 'business_sum'] : ['millis', 'seconds_sum'];
    // raw SQL: the sorted arrays come back as one comma-joined text each (array_to_string), parsed
    // in one pass by sorted-runs.ts: much cheaper than the driver's array parser at 600k values.
    return queryRows<TimeCellRow>(
      this.ds.manager,
      `SELECT metric, to_char(day, 'YYYY-MM-DD') AS day, dim_value AS value, count,
              ${sum} AS sum, array_to_string(${run}, ',') AS run
         FROM report_time_cells
        WHERE account_id = $1 AND dim = $2 AND day BETWEEN $3::date AND $4::date
          AND ${PART_FILTER}`,
      cellParams(scope),
    );
  }

  /** The period's counter cells of one dimension. */
  counterCells(scope: CellScope): Promise<CounterCellRow[]> {
    // raw SQL: the text day and the optional values filter in one statement, like timeCells.
    return queryRows<CounterCellRow>(
      this.ds.manager,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, dim_value AS value, ${DAILY_COLUMNS.join(', ')}
         FROM report_counter_cells
        WHERE account_id = $1 AND dim = $2 AND day BETWEEN $3::date AND $4::date
          AND ${PART_FILTER}`,
      cellParams(scope),
    );
  }

  /**
   * Backlog spans opened and ended per day from the period's start on, to today (not only to its
   * end): the backlog now minus those gives the backlog at the start, without reading the history
   * before it.
   */
  backlogSince(scope: CellScope): Promise<BacklogCellRow[]> {
    // raw SQL: the text day and the optional values filter in one statement, like timeCells.
    return queryRows<BacklogCellRow>(
      this.ds.manager,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, dim_value AS value, opened, ended
         FROM report_counter_cells
        WHERE account_id = $1 AND dim = $2 AND day >= $3::date AND (opened > 0 OR ended > 0)
          AND $4::date IS NOT NULL AND ${PART_FILTER}`,
      cellParams(scope),
    );
  }

  /** The backlog now per value of the dimension. */
  openCounts(scope: CellScope): Promise<OpenCountRow[]> {
    // raw SQL: the parts' filter (split_part), like the other cell reads.
    return queryRows<OpenCountRow>(
      this.ds.manager,
      `SELECT dim_value AS value, open FROM report_open_counts
        WHERE account_id = $1 AND dim = $2 AND $3::date IS NOT NULL AND $4::date IS NOT NULL
          AND ${PART_FILTER}`,
      cellParams(scope),
    );
  }
}

export const cellParams = (s: CellScope) => [
  s.accountId,
  s.dim,
  s.from,
  s.to,
  s.parts[0] ?? null,
  s.parts[1] ?? null,
  s.parts[2] ?? null,
  s.parts[3] ?? null,
];
