import type {
  ReportDto,
  ReportMetricsDto,
  SupportedLanguage,
  TimeStatsDto,
} from '@switchboard/contracts';
import { csvLine } from '../contacts/csv/csv-writer';
import { ungroupedCsvLabel } from './report-csv-labels';

const times = (name: string) => [
  `${name}_count`,
  `${name}_median_s`,
  `${name}_p90_s`,
  `${name}_average_s`,
];
const timeCells = (t: TimeStatsDto) => [t.count, t.median, t.p90, t.average];

const METRIC_HEADER = [
  'new',
  'closed',
  'reopened',
  'replies',
  'backlog',
  ...times('first_response'),
  ...times('next_response'),
  ...times('resolution'),
  'sla_met',
  'sla_breached',
  'sla_compliance',
  'csat_responses',
  'csat_average',
  'csat_satisfied_share',
  'nps_responses',
  'nps_score',
];

const metricCells = (m: ReportMetricsDto) => [
  m.newConversations,
  m.closed,
  m.reopened,
  m.replies,
  m.backlog,
  ...timeCells(m.firstResponse),
  ...timeCells(m.nextResponse),
  ...timeCells(m.resolution),
  m.sla.met,
  m.sla.breached,
  m.sla.compliance,
  m.csat.responses,
  m.csat.average,
  m.csat.satisfiedShare,
  m.nps.responses,
  m.nps.score,
];

/**
 * A report table as CSV lines (UTF-8 with a BOM, RFC 4180 quoting, formula cells defused by
 * `csvLine`), yielded one by one so the response streams them with back-pressure. Column names
 * stay machine-readable; the row without a group key is named in the operator's language.
 */
export function* reportCsvLines(
  report: ReportDto,
  table: 'series' | 'buckets',
  language: SupportedLanguage = 'en',
): Generator<string> {
  const head = [
    'group_key',
    'group',
    ...(table === 'buckets' ? ['bucket_start'] : []),
    ...METRIC_HEADER,
  ];
  yield `\uFEFF${csvLine(head)}`;
  for (const s of report.series) {
    const label = s.key === null ? ungroupedCsvLabel(report.groupBy, language) : s.label;
    if (table === 'series') yield csvLine([s.key, label, ...metricCells(s.totals)]);
    else
      for (const b of s.buckets) yield csvLine([s.key, label, b.start, ...metricCells(b.metrics)]);
  }
}
