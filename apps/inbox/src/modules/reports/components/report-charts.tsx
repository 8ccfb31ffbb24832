import type { ReportDto } from '@switchboard/contracts';
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { currentLocale, t } from '../../../i18n/i18n';
import { chartSeries, chartSummaries, type Values } from '../utils/chart-series';
import { formatDuration, formatRating } from '../utils/report-format';
import { UplotChart } from './uplot-chart';

/** Series colours; the browser test finds the lines by them. */
export const CHART_COLORS = {
  newConversations: '#2563eb',
  closed: '#16a34a',
  backlog: '#d97706',
  firstMedian: '#7c3aed',
  firstP90: '#c4b5fd',
  resolutionMedian: '#0891b2',
  resolutionP90: '#a5f3fc',
  csat: '#db2777',
} as const;

const line = (label: string, stroke: string): uPlot.Series => ({
  label,
  stroke,
  width: 2,
  points: { show: true, size: 5 },
  spanGaps: false,
});

// Bucket starts are local days written as UTC midnight: read them in UTC, or they shift a day.
const utcDate = (ts: number) => new Date(ts * 1000);

/** A bucket's day in the operator's language (uPlot's own names are English). */
function dayLabel(ts: number | null): string {
  if (ts === null) return t('reports.none');
  return new Intl.DateTimeFormat(currentLocale(), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
  }).format(utcDate(ts));
}

/** Steps between y-axis lines: whole conversations, and durations people round to. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 50_000];
const DURATION_STEPS = [
  10, 30, 60, 300, 600, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400, 172_800, 604_800,
];
const RATING_STEPS = [0.5, 1];

function options(
  series: uPlot.Series[],
  steps: number[],
  yValue?: (v: number) => string,
  yRange?: uPlot.Scale['range'],
): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    tzDate: utcDate,
    scales: { x: { time: true }, y: yRange ? { range: yRange } : {} },
    series: [{ label: t('reports.chart.date'), value: (_u, v) => dayLabel(v) }, ...series],
    axes: [
      { values: (_u, splits) => splits.map((v) => dayLabel(v)) },
      {
        size: 72,
        incrs: steps,
        values: yValue ? (_u, splits) => splits.map((v) => yValue(v)) : undefined,
      },
    ],
    legend: { show: true },
  };
}

/**
 * The report's charts: volume, backlog, response and resolution times, CSAT. This module and
 * uPlot are their own chunk (loaded by `React.lazy`), so the inbox's first paint does not carry them.
 */
export default function ReportCharts({ report }: { report: ReportDto }) {
  const built = useMemo(() => {
    const s = chartSeries(report);
    const data = (...lines: (number[] | Values)[]): uPlot.AlignedData => [s.xs, ...lines];
    return {
      summaries: chartSummaries(report, s),
      volume: {
        data: data(s.newConversations, s.closed),
        options: options(
          [
            line(t('reports.chart.new'), CHART_COLORS.newConversations),
            line(t('reports.chart.closed'), CHART_COLORS.closed),
          ],
          COUNT_STEPS,
        ),
      },
      backlog: {
        data: data(s.backlog),
        options: options([line(t('reports.chart.backlog'), CHART_COLORS.backlog)], COUNT_STEPS),
      },
      times: {
        data: data(s.firstResponseMedian, s.firstResponseP90, s.resolutionMedian, s.resolutionP90),
        options: options(
          [
            line(t('reports.chart.first_median'), CHART_COLORS.firstMedian),
            line(t('reports.chart.first_p90'), CHART_COLORS.firstP90),
            line(t('reports.chart.resolution_median'), CHART_COLORS.resolutionMedian),
            line(t('reports.chart.resolution_p90'), CHART_COLORS.resolutionP90),
          ],
          DURATION_STEPS,
          formatDuration,
        ),
      },
      csat: {
        data: data(s.csatAverage),
        options: options(
          [line(t('reports.chart.csat'), CHART_COLORS.csat)],
          RATING_STEPS,
          formatRating,
          [1, 5],
        ),
      },
    };
  }, [report]);

  return (
    <div className="report-charts" data-testid="report-charts">
      <UplotChart
        chart="volume"
        title={t('reports.chart.volume_title')}
        summary={built.summaries.volume}
        {...built.volume}
      />
      <UplotChart
        chart="backlog"
        title={t('reports.chart.backlog_title')}
        summary={built.summaries.backlog}
        {...built.backlog}
      />
      <UplotChart
        chart="times"
        title={t('reports.chart.times_title')}
        summary={built.summaries.times}
        {...built.times}
      />
      <UplotChart
        chart="csat"
        title={t('reports.chart.csat_title')}
        summary={built.summaries.csat}
        {...built.csat}
      />
    </div>
  );
}
