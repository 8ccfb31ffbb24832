import type { ReportDto, ReportMetricsDto } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { chartSeries, chartSummaries } from './chart-series';

const times = (median: number | null, p90: number | null) => ({
  count: median === null ? 0 : 1,
  median,
  p90,
  average: median,
});
const metrics = (m: Partial<ReportMetricsDto>): ReportMetricsDto => ({
  newConversations: 0,
  closed: 0,
  reopened: 0,
  replies: 0,
  backlog: 0,
  firstResponse: times(null, null),
  nextResponse: times(null, null),
  resolution: times(null, null),
  sla: { met: 0, breached: 0, compliance: null },
  csat: { responses: 0, average: null, satisfiedShare: null },
  nps: { responses: 0, score: null },
  ...m,
});

const report: ReportDto = {
  from: '2025-03-29',
  to: '2025-03-31',
  timezone: 'Europe/Berlin',
  bucket: 'day',
  groupBy: 'none',
  businessHours: false,
  series: [
    {
      key: null,
      label: 'All',
      buckets: [
        { start: '2025-03-29', metrics: metrics({ newConversations: 2, backlog: 2 }) },
        {
          start: '2025-03-30',
          metrics: metrics({
            newConversations: 5,
            closed: 3,
            backlog: 4,
            firstResponse: times(60, 300),
            csat: { responses: 2, average: 4.5, satisfiedShare: 1 },
          }),
        },
        { start: '2025-03-31', metrics: metrics({ closed: 4, backlog: 0 }) },
      ],
      totals: metrics({}),
    },
  ],
  totals: metrics({
    newConversations: 7,
    closed: 7,
    firstResponse: times(60, 300),
    resolution: times(7500, 90_000),
    csat: { responses: 2, average: 4.5, satisfiedShare: 1 },
  }),
};

describe('chart data', () => {
  it('aligns every line on the buckets, with gaps where nothing was measured', () => {
    const s = chartSeries(report);
    // Local days as UTC midnight, one day apart even across the DST change of 2025-03-30.
    expect(s.xs).toEqual([1743206400, 1743292800, 1743379200]);
    expect(s.newConversations).toEqual([2, 5, 0]);
    expect(s.closed).toEqual([0, 3, 4]);
    expect(s.backlog).toEqual([2, 4, 0]);
    expect(s.firstResponseMedian).toEqual([null, 60, null]);
    expect(s.firstResponseP90).toEqual([null, 300, null]);
    expect(s.csatAverage).toEqual([null, 4.5, null]);
  });

  it('summarises each chart in words for its aria-label', () => {
    const summaries = chartSummaries(report, chartSeries(report));
    expect(summaries.volume).toBe(
      '7 new and 7 closed conversations from 2025-03-29 to 2025-03-31; the busiest bucket, starting 2025-03-30, had 5 new.',
    );
    expect(summaries.backlog).toBe(
      'The backlog went from 2 to 0, highest at 4 in the bucket starting 2025-03-30.',
    );
    expect(summaries.times).toBe(
      'First response: median 1m 00s, 90th percentile 5m 00s. Resolution: median 2h 05m, 90th percentile 1d 01h.',
    );
    expect(summaries.csat).toBe('CSAT average 4.50 from 2 answers.');
  });

  it('draws nothing for a report without series', () => {
    expect(chartSeries({ ...report, series: [] }).xs).toEqual([]);
  });
});
