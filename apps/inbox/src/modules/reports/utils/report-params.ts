import {
  CHANNEL_KINDS,
  REPORT_BUCKETS,
  REPORT_GROUPS,
  TIME_REPORT_GROUPS,
  type ChannelKind,
  type ReportBucket,
  type ReportGroup,
  type TimeReportGroup,
} from '@switchboard/contracts';
import {
  isLocalDay,
  PERIOD_PRESETS,
  presetRange,
  type DayRange,
  type PeriodChoice,
} from './report-period';

/** Filters narrow the report to some inboxes, teams, operators, tags or channels (any of each). */
export interface ReportFilters {
  inboxId: string[];
  teamId: string[];
  operatorId: string[];
  tagId: string[];
  channel: ChannelKind[];
}
export type FilterName = keyof ReportFilters;
export const FILTER_NAMES: readonly FilterName[] = [
  'inboxId',
  'teamId',
  'operatorId',
  'tagId',
  'channel',
];

/** Everything that picks a report: what the screen shows and what its URL hash says. */
export interface ReportParams {
  period: PeriodChoice;
  /** The custom period's days; ignored for presets, which follow "today". */
  custom: DayRange;
  bucket: ReportBucket;
  groupBy: ReportGroup;
  businessHours: boolean;
  filters: ReportFilters;
  /** How the time-tracking table is split. */
  timeGroupBy: TimeReportGroup;
}

export const REPORTS_HASH = '#/reports';

export function emptyFilters(): ReportFilters {
  return { inboxId: [], teamId: [], operatorId: [], tagId: [], channel: [] };
}

export function defaultParams(today: string): ReportParams {
  return {
    period: 'last30',
    custom: presetRange('last30', today),
    bucket: 'day',
    groupBy: 'none',
    businessHours: false,
    filters: emptyFilters(),
    timeGroupBy: 'operator',
  };
}

/** The days the report covers. */
export function periodOf(params: ReportParams, today: string): DayRange {
  return params.period === 'custom' ? params.custom : presetRange(params.period, today);
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 100;

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function distinct<T extends string>(values: T[]): T[] {
  return [...new Set(values)].slice(0, MAX_IDS);
}

/**
 * Reads a `#/reports?…` hash. A shared link may be old or edited by hand: anything unknown or
 * malformed falls back to the default rather than failing (ids must be uuids, days real days).
 */
export function paramsFromHash(hash: string, today: string): ReportParams {
  const defaults = defaultParams(today);
  const queryAt = hash.indexOf('?');
  if (!hash.startsWith(REPORTS_HASH) || queryAt < 0) return defaults;
  const query = new URLSearchParams(hash.slice(queryAt + 1));
  const period = oneOf<PeriodChoice>(
    [...PERIOD_PRESETS, 'custom'],
    query.get('period'),
    defaults.period,
  );
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const customOk = isLocalDay(from) && isLocalDay(to);
  const ids = (name: string) => distinct(query.getAll(name).filter((id) => ID_PATTERN.test(id)));
  return {
    period: period === 'custom' && !customOk ? defaults.period : period,
    custom: customOk ? { from, to } : defaults.custom,
    bucket: oneOf(REPORT_BUCKETS, query.get('bucket'), defaults.bucket),
    groupBy: oneOf(REPORT_GROUPS, query.get('groupBy'), defaults.groupBy),
    businessHours: query.get('businessHours') === 'true',
    filters: {
      inboxId: ids('inboxId'),
      teamId: ids('teamId'),
      operatorId: ids('operatorId'),
      tagId: ids('tagId'),
      channel: distinct(
        query
          .getAll('channel')
          .filter((c): c is ChannelKind => (CHANNEL_KINDS as readonly string[]).includes(c)),
      ),
    },
    timeGroupBy: oneOf(TIME_REPORT_GROUPS, query.get('timeGroupBy'), defaults.timeGroupBy),
  };
}

/** The hash that shares these params; defaults are left out to keep links short. */
export function hashOfParams(params: ReportParams): string {
  const query = new URLSearchParams();
  query.set('period', params.period);
  if (params.period === 'custom') {
    query.set('from', params.custom.from);
    query.set('to', params.custom.to);
  }
  if (params.bucket !== 'day') query.set('bucket', params.bucket);
  if (params.groupBy !== 'none') query.set('groupBy', params.groupBy);
  if (params.businessHours) query.set('businessHours', 'true');
  for (const name of FILTER_NAMES)
    for (const value of params.filters[name]) query.append(name, value);
  if (params.timeGroupBy !== 'operator') query.set('timeGroupBy', params.timeGroupBy);
  return `${REPORTS_HASH}?${query.toString()}`;
}

/** Query parameters of `GET /api/reports` and its CSV export (`reportQuerySchema`). */
export type ReportApiQuery = Record<string, string | readonly string[]>;

export function apiQueryOf(
  params: ReportParams,
  today: string,
  groupBy: ReportGroup = params.groupBy,
): ReportApiQuery {
  const { from, to } = periodOf(params, today);
  const query: ReportApiQuery = {
    from,
    to,
    bucket: params.bucket,
    groupBy,
    businessHours: String(params.businessHours),
  };
  for (const name of FILTER_NAMES)
    if (params.filters[name].length) query[name] = params.filters[name];
  return query;
}

/** The URL of a table's CSV download (same origin: the session cookie authorises it). */
export function exportUrl(query: ReportApiQuery, table: 'series' | 'buckets'): string {
  const search = new URLSearchParams();
  const entries: Array<[string, string | readonly string[]]> = [
    ...Object.entries(query),
    ['table', table],
  ];
  for (const [key, value] of entries) {
    if (typeof value === 'string') search.set(key, value);
    else for (const item of value) search.append(key, item);
  }
  return `/api/reports/export?${search.toString()}`;
}

/** `GET /api/reports/time` (time tracking): the period only, split its own way. */
export function timeQueryOf(params: ReportParams, today: string, format: 'json' | 'csv' = 'json') {
  const { from, to } = periodOf(params, today);
  return { from, to, groupBy: params.timeGroupBy, format };
}
