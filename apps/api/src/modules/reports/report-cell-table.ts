import type { ReportBucket } from '@switchboard/contracts';
import type {
  BacklogCellRow,
  CounterCellRow,
  OpenCountRow,
  TimeCellRow,
  TimeMetric,
} from './report-cells.repository';
import { DAILY_COLUMNS, type DailyColumn } from './report-facts.repository';
import { MetricsTable, applyCounters } from './report-metrics';
import type { BacklogRow } from './report-queries.repository';
import { parseRuns, percentileCont } from './sorted-runs';

const DAY = 86_400_000;

/** A local day's bucket: its day, Monday or first of the month, clipped to the period's start. */
export function bucketOfDay(day: string, bucket: ReportBucket, from: string): string {
  if (bucket === 'day') return day;
  const t = Date.parse(`${day}T00:00:00Z`);
  const d = new Date(t);
  const start =
    bucket === 'week'
      ? t - ((d.getUTCDay() + 6) % 7) * DAY
      : Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const clipped = new Date(Math.max(start, Date.parse(`${from}T00:00:00Z`)));
  return clipped.toISOString().slice(0, 10);
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/** A cell value's part as a report key: '-' (no team or operator) is null. */
const keyOfPart = (part: string): string | null => (part === '-' ? null : part);

const COLUMN_INDEX = new Map<DailyColumn, number>(DAILY_COLUMNS.map((c, i) => [c, i]));

/** One metric's times in a (key, bucket): count, sum, and its runs in the report's buffer. */
class Times {
  count = 0;
  sum = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Runs taken away (see SortedRuns.minus). */
  readonly minus = { starts: [] as number[], ends: [] as number[] };
}

/** One (group key, bucket) of the report: counters summed, and the time cells' runs gathered. */
class Cell {
  readonly counters = new Float64Array(DAILY_COLUMNS.length);
  readonly times = new Map<TimeMetric, Times>();

  addTime(
    metric: TimeMetric,
    count: number,
    sum: number,
    start: number,
    end: number,
    sign: 1 | -1,
  ): void {
    let t = this.times.get(metric);
    if (!t) this.times.set(metric, (t = new Times()));
    t.count += sign * count;
    t.sum += sign * sum;
    const runs = sign === 1 ? t : t.minus;
    runs.starts.push(start);
    runs.ends.push(end);
  }
}

/**
 * A report's figures from rollup cells: each cell adds to its (key, bucket), its key's whole
 * period, and the report's totals; exact percentiles come from the gathered sorted runs, all parsed
 * into one buffer. `groupPart` is the part of a cell's value that is the group key (`a|b` for a
 * pair of columns); null puts every cell under the one key null (an ungrouped report).
 * Measured by `npm run bench -- reports`: this runs once per report over ~15k cells.
 */
export class CellReport {
  /** Group key → bucket start ('' for the whole period) → cell. */
  private readonly cells = new Map<string | null, Map<string, Cell>>();
  private readonly total = new Cell();
  private readonly buckets = new Map<string, string>();
  private data: Float64Array = new Float64Array(0);

  constructor(
    private readonly bucket: ReportBucket,
    private readonly from: string,
    private readonly groupPart: number | null,
    /** Grouped by channel through the inbox part: each inbox's channel. */
    private readonly keyMap?: ReadonlyMap<string, string>,
  ) {}

  /** `sign` -1 takes the rows away (a conversation counted in two of a report's tags). */
  addCounters(rows: CounterCellRow[], sign: 1 | -1 = 1): void {
    for (const row of rows) {
      const values = DAILY_COLUMNS.map((c) => sign * Number(row[c] ?? 0));
      for (const cell of this.targets(row))
        for (let i = 0; i < values.length; i++) cell.counters[i]! += values[i]!;
    }
  }

  /**
   * Once per report: the times' runs share one buffer. `minus` are runs to take away, contained
   * in `rows` (a conversation counted in two of a report's tags, once too many).
   */
  addTimes(rows: TimeCellRow[], minus: TimeCellRow[] = []): void {
    const all = [...rows, ...minus];
    const { data, bounds } = parseRuns(all.map((r) => r.run));
    this.data = data;
    all.forEach((row, r) => {
      const count = Number(row.count);
      const sum = Number(row.sum);
      const start = bounds[2 * r]!;
      const end = bounds[2 * r + 1]!;
      const sign = r < rows.length ? 1 : -1;
      for (const cell of this.targets(row)) cell.addTime(row.metric, count, sum, start, end, sign);
    });
  }

  /**
   * The backlog's rows as the facts' queries give them: per key, open at the period's start (now,
   * minus what opened and plus what ended since), and per key and bucket, opened minus ended.
   */
  backlog(
    open: OpenCountRow[],
    since: BacklogCellRow[],
    to: string,
  ): { base: BacklogRow[]; deltas: BacklogRow[] } {
    const base = new Map<string | null, number>();
    const deltas = new Map<string, BacklogRow & { n: number }>();
    const add = (key: string | null, n: number) => base.set(key, (base.get(key) ?? 0) + n);
    for (const r of open) add(this.keyOf(r.value), Number(r.open));
    for (const r of since) {
      const key = this.keyOf(r.value);
      const change = Number(r.opened) - Number(r.ended);
      add(key, -change);
      if (r.day > to) continue;
      const bucket = bucketOfDay(r.day, this.bucket, this.from);
      const id = JSON.stringify([key, bucket]);
      const row = deltas.get(id) ?? { bucket, key, count: '0', n: 0 };
      row.n += change;
      deltas.set(id, row);
    }
    return {
      base: [...base]
        .filter(([, n]) => n !== 0)
        .map(([key, n]) => ({ bucket: null, key, count: String(n) })),
      deltas: [...deltas.values()].map(({ bucket, key, n }) => ({ bucket, key, count: String(n) })),
    };
  }

  /** The grouped table and the totals' table (key null, whole period only). */
  tables(): { grouped: MetricsTable; totals: MetricsTable } {
    const grouped = new MetricsTable();
    const totals = new MetricsTable();
    for (const [key, buckets] of this.cells)
      for (const [bucket, cell] of buckets) this.fill(grouped, key, bucket || null, cell);
    this.fill(totals, null, null, this.total);
    return { grouped, totals };
  }

  private fill(table: MetricsTable, key: string | null, bucket: string | null, cell: Cell): void {
    const m = table.at(key, bucket);
    applyCounters(m, (c) => cell.counters[COLUMN_INDEX.get(c)!]!);
    for (const [metric, t] of cell.times) {
      const runs = { data: this.data, starts: t.starts, ends: t.ends, minus: t.minus };
      const stats = {
        count: t.count,
        median: seconds(percentileCont(runs, t.count, 0.5)),
        p90: seconds(percentileCont(runs, t.count, 0.9)),
        average: t.count === 0 ? null : t.sum / t.count,
      };
      if (metric === 'first') m.firstResponse = stats;
      else if (metric === 'next') m.nextResponse = stats;
      else m.resolution = stats;
    }
  }

  /** The cells a row adds to: its (key, bucket), its key's whole period, and the totals. */
  private targets(row: { day: string; value: string }): [Cell, Cell, Cell] {
    const key = this.keyOf(row.value);
    let bucket = this.buckets.get(row.day);
    if (bucket === undefined) {
      bucket = bucketOfDay(row.day, this.bucket, this.from);
      this.buckets.set(row.day, bucket);
    }
    let byBucket = this.cells.get(key);
    if (!byBucket) this.cells.set(key, (byBucket = new Map()));
    return [cellIn(byBucket, bucket), cellIn(byBucket, ''), this.total];
  }

  private keyOf(value: string): string | null {
    if (this.groupPart === null) return null;
    const key = keyOfPart(value.split('|')[this.groupPart] ?? '');
    return this.keyMap && key !== null ? (this.keyMap.get(key) ?? key) : key;
  }
}

function cellIn(cells: Map<string, Cell>, bucket: string): Cell {
  let c = cells.get(bucket);
  if (!c) cells.set(bucket, (c = new Cell()));
  return c;
}
