import type { ReportMetricsDto } from '@switchboard/contracts';
import type { MessageKey } from '../../../i18n/en';
import { formatCount, formatDuration, formatNps, formatRating, formatShare } from './report-format';

/** One column of a metrics table: its heading and how a row's metrics read in it. */
export interface MetricColumn {
  key: string;
  label: MessageKey;
  value: (m: ReportMetricsDto) => string;
}

const column = (
  key: string,
  label: MessageKey,
  value: (m: ReportMetricsDto) => string,
): MetricColumn => ({ key, label, value });

const NEW = column('new', 'reports.col.new', (m) => formatCount(m.newConversations));
const CLOSED = column('closed', 'reports.col.closed', (m) => formatCount(m.closed));
const REOPENED = column('reopened', 'reports.col.reopened', (m) => formatCount(m.reopened));
const REPLIES = column('replies', 'reports.col.replies', (m) => formatCount(m.replies));
const FIRST_MEDIAN = column('firstResponseMedian', 'reports.col.first_median', (m) =>
  formatDuration(m.firstResponse.median),
);
const FIRST_P90 = column('firstResponseP90', 'reports.col.first_p90', (m) =>
  formatDuration(m.firstResponse.p90),
);
const NEXT_MEDIAN = column('nextResponseMedian', 'reports.col.next_median', (m) =>
  formatDuration(m.nextResponse.median),
);
const RESOLUTION_MEDIAN = column('resolutionMedian', 'reports.col.resolution_median', (m) =>
  formatDuration(m.resolution.median),
);
const RESOLUTION_P90 = column('resolutionP90', 'reports.col.resolution_p90', (m) =>
  formatDuration(m.resolution.p90),
);
const SLA = column('sla', 'reports.col.sla', (m) => formatShare(m.sla.compliance));
const CSAT = column('csat', 'reports.col.csat', (m) => formatRating(m.csat.average));
const NPS = column('nps', 'reports.col.nps', (m) => formatNps(m.nps.score));
const BACKLOG = column('backlog', 'reports.col.backlog', (m) => formatCount(m.backlog));

/** The totals per group. */
export const TOTAL_COLUMNS: MetricColumn[] = [
  NEW,
  CLOSED,
  REOPENED,
  REPLIES,
  FIRST_MEDIAN,
  FIRST_P90,
  NEXT_MEDIAN,
  RESOLUTION_MEDIAN,
  RESOLUTION_P90,
  SLA,
  CSAT,
  NPS,
];

/** What each operator did and how fast. */
export const OPERATOR_COLUMNS: MetricColumn[] = [
  REPLIES,
  CLOSED,
  FIRST_MEDIAN,
  FIRST_P90,
  NEXT_MEDIAN,
  RESOLUTION_MEDIAN,
  CSAT,
];

/** The charts' figures per bucket: the table alternative to the charts. */
export const BUCKET_COLUMNS: MetricColumn[] = [
  NEW,
  CLOSED,
  BACKLOG,
  FIRST_MEDIAN,
  FIRST_P90,
  RESOLUTION_MEDIAN,
  RESOLUTION_P90,
  CSAT,
];
