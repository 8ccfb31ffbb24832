import type { ReportBucketDto, ReportDto } from '@switchboard/contracts';
import { t } from '../../../i18n/i18n';
import { formatCount, formatDuration, formatRating } from './report-format';

/** One value per bucket; null where nothing was measured (the chart leaves a gap). */
export type Values = (number | null)[];

/** The charts' data, one array per line, aligned on the buckets' start (Unix seconds, UTC midnight). */
export interface ChartSeries {
  xs: number[];
  starts: string[];
  newConversations: number[];
  closed: number[];
  backlog: number[];
  firstResponseMedian: Values;
  firstResponseP90: Values;
  resolutionMedian: Values;
  resolutionP90: Values;
  csatAverage: Values;
}

/** The buckets of an ungrouped report (groupBy none has exactly one series). */
export function bucketsOf(report: ReportDto): ReportBucketDto[] {
  return report.series[0]?.buckets ?? [];
}

export function chartSeries(report: ReportDto): ChartSeries {
  const buckets = bucketsOf(report);
  const pick = <T>(of: (b: ReportBucketDto) => T) => buckets.map(of);
  return {
    xs: pick((b) => Date.parse(`${b.start}T00:00:00Z`) / 1000),
    starts: pick((b) => b.start),
    newConversations: pick((b) => b.metrics.newConversations),
    closed: pick((b) => b.metrics.closed),
    backlog: pick((b) => b.metrics.backlog),
    firstResponseMedian: pick((b) => b.metrics.firstResponse.median),
    firstResponseP90: pick((b) => b.metrics.firstResponse.p90),
    resolutionMedian: pick((b) => b.metrics.resolution.median),
    resolutionP90: pick((b) => b.metrics.resolution.p90),
    csatAverage: pick((b) => b.metrics.csat.average),
  };
}

function peak(values: number[], starts: string[]): { value: number; start: string } | null {
  let best: { value: number; start: string } | null = null;
  values.forEach((value, i) => {
    if (!best || value > best.value) best = { value, start: starts[i] ?? '' };
  });
  return best;
}

/** What each chart shows, in one sentence: its `aria-label`, for those who cannot see it. */
export function chartSummaries(report: ReportDto, series: ChartSeries) {
  const totals = report.totals;
  const busiest = peak(series.newConversations, series.starts);
  const highest = peak(series.backlog, series.starts);
  return {
    volume: t('reports.chart.volume_summary', {
      new: formatCount(totals.newConversations),
      closed: formatCount(totals.closed),
      from: report.from,
      to: report.to,
      peak: busiest ? formatCount(busiest.value) : '0',
      peakStart: busiest?.start ?? report.from,
    }),
    backlog: t('reports.chart.backlog_summary', {
      first: formatCount(series.backlog[0] ?? 0),
      last: formatCount(series.backlog[series.backlog.length - 1] ?? 0),
      peak: highest ? formatCount(highest.value) : '0',
      peakStart: highest?.start ?? report.from,
    }),
    times: t('reports.chart.times_summary', {
      firstMedian: formatDuration(totals.firstResponse.median),
      firstP90: formatDuration(totals.firstResponse.p90),
      resolutionMedian: formatDuration(totals.resolution.median),
      resolutionP90: formatDuration(totals.resolution.p90),
    }),
    csat: t('reports.chart.csat_summary', {
      average: formatRating(totals.csat.average),
      responses: formatCount(totals.csat.responses),
    }),
  };
}
