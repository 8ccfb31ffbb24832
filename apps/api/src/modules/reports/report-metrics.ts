import type { ReportMetricsDto, TimeStatsDto } from '@switchboard/contracts';
import type { DailyColumn } from './report-facts.repository';
import type { BacklogRow, CounterRow, TimeRow } from './report-queries.repository';

/** Turns the aggregates' rows into metrics, per group key and bucket (null: the whole period). */

const noTimes = (): TimeStatsDto => ({ count: 0, median: null, p90: null, average: null });

export const emptyMetrics = (): ReportMetricsDto => ({
  newConversations: 0,
  closed: 0,
  reopened: 0,
  replies: 0,
  backlog: 0,
  firstResponse: noTimes(),
  nextResponse: noTimes(),
  resolution: noTimes(),
  sla: { met: 0, breached: 0, compliance: null },
  csat: { responses: 0, average: null, satisfiedShare: null },
  nps: { responses: 0, score: null },
});

const n = (v: string | number | null | undefined) => Number(v ?? 0);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Sets a metrics' counters from the summed daily columns. */
export function applyCounters(m: ReportMetricsDto, sum: (column: DailyColumn) => number): void {
  m.newConversations = sum('new_count');
  m.closed = sum('closed_count');
  m.reopened = sum('reopened_count');
  m.replies = sum('replies');
  const met = sum('sla_met');
  const breached = sum('sla_breached');
  m.sla = { met, breached, compliance: ratio(met, met + breached) };
  const csat = sum('csat_count');
  m.csat = {
    responses: csat,
    average: ratio(sum('csat_sum'), csat),
    satisfiedShare: ratio(sum('csat_satisfied'), csat),
  };
  const nps = sum('nps_count');
  const score = ratio(sum('nps_promoters') - sum('nps_detractors'), nps);
  m.nps = { responses: nps, score: score === null ? null : score * 100 };
}

/** Metrics by group key, then by bucket start ('' for the whole period). */
export class MetricsTable {
  readonly byKey = new Map<string | null, Map<string, ReportMetricsDto>>();

  at(key: string | null, bucket: string | null): ReportMetricsDto {
    let buckets = this.byKey.get(key);
    if (!buckets) this.byKey.set(key, (buckets = new Map()));
    let m = buckets.get(bucket ?? '');
    if (!m) buckets.set(bucket ?? '', (m = emptyMetrics()));
    return m;
  }

  addCounters(rows: CounterRow[]): void {
    for (const r of rows) applyCounters(this.at(r.key, r.bucket), (c) => n(r[c]));
  }

  addTimes(rows: TimeRow[]): void {
    for (const r of rows) {
      const stats: TimeStatsDto = {
        count: n(r.count),
        median: r.median === null ? null : Number(r.median),
        p90: r.p90 === null ? null : Number(r.p90),
        average: r.average === null ? null : Number(r.average),
      };
      const m = this.at(r.key, r.bucket);
      if (r.kind === 'first') m.firstResponse = stats;
      else if (r.kind === 'next') m.nextResponse = stats;
      else m.resolution = stats;
    }
  }

  /** Backlog at each bucket's end: the base plus the running sum of the buckets' deltas. */
  addBacklog(base: BacklogRow[], deltas: BacklogRow[], buckets: string[]): void {
    const running = new Map<string | null, number>(base.map((r) => [r.key, n(r.count)]));
    const delta = new Map(deltas.map((r) => [`${r.key}|${r.bucket}`, n(r.count)]));
    for (const r of deltas) if (!running.has(r.key)) running.set(r.key, 0);
    for (const [key, start] of running) {
      let open = start;
      for (const b of buckets) {
        open += delta.get(`${key}|${b}`) ?? 0;
        this.at(key, b).backlog = open;
      }
      this.at(key, null).backlog = open;
    }
  }
}
