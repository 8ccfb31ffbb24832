import { z } from 'zod';
import type { IsoDateTime } from './dtos';
import { CHANNEL_KINDS } from './enums';

/*
 * Reports: what the team did, how fast, and how customers felt, over a period, bucketed by day,
 * week or month in the account's timezone. Times are in seconds. The API answers from rollups kept
 * up to date as events arrive, never by scanning the whole history.
 */

export const REPORT_BUCKETS = ['day', 'week', 'month'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];

/** What a report's rows are split by (`none`: one row for everything). */
export const REPORT_GROUPS = ['none', 'channel', 'inbox', 'team', 'operator', 'tag'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** The longest period one report may cover. */
export const MAX_REPORT_DAYS = 366;

const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const ids = () =>
  z
    .union([z.string().uuid(), z.array(z.string().uuid()).max(100)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

/**
 * `GET /api/reports` and `GET /api/reports/export` (CSV). `from` and `to` are local days of the
 * account's timezone, both included. An end before the start, or more than MAX_REPORT_DAYS, is 422
 * `INVALID_REPORT_PERIOD` (checked by the server, which names the reason).
 */
export const reportQuerySchema = z.object({
  from: day(),
  to: day(),
  bucket: z.enum(REPORT_BUCKETS).default('day'),
  groupBy: z.enum(REPORT_GROUPS).default('none'),
  /** Count response and resolution times in the inboxes' business hours only. */
  businessHours: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  inboxId: ids(),
  teamId: ids(),
  operatorId: ids(),
  tagId: ids(),
  channel: z
    .union([z.enum(CHANNEL_KINDS), z.array(z.enum(CHANNEL_KINDS))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
export type ReportQuery = z.output<typeof reportQuerySchema>;

/** `GET /api/reports/export`: the report's query plus which table (one row per series, or per bucket). */
export const reportExportQuerySchema = reportQuerySchema.extend({
  table: z.enum(['series', 'buckets']).default('series'),
});
export type ReportExportQuery = z.output<typeof reportExportQuerySchema>;

/** Durations: how many, and their median, 90th percentile and mean (seconds; null when none). */
export interface TimeStatsDto {
  count: number;
  median: number | null;
  p90: number | null;
  average: number | null;
}

export interface ReportMetricsDto {
  /** Conversations created in the period. */
  newConversations: number;
  /** Closed in the period (handled); a conversation closed twice counts twice. */
  closed: number;
  /** Reopened (by the customer or an operator) in the period. */
  reopened: number;
  /** Operators' customer-visible replies sent in the period. */
  replies: number;
  /**
   * Open or snoozed conversations at the end of the bucket (the backlog); per team or operator,
   * each counts for whoever owned it at that moment.
   */
  backlog: number;
  /** From a conversation's first customer message to the first operator reply. */
  firstResponse: TimeStatsDto;
  /** From a customer message that follows our reply to the next operator reply. */
  nextResponse: TimeStatsDto;
  /** From creation (or reopening) to closing. */
  resolution: TimeStatsDto;
  /** SLA targets completed in the period: met on time, or breached. */
  sla: { met: number; breached: number; compliance: number | null };
  /** Answers to satisfaction surveys in the period (CSAT 1–5: satisfied = 4 or 5; NPS 0–10). */
  csat: { responses: number; average: number | null; satisfiedShare: number | null };
  nps: { responses: number; score: number | null };
}

export interface ReportBucketDto {
  /** The bucket's first local day (YYYY-MM-DD); weeks start on Monday. */
  start: string;
  metrics: ReportMetricsDto;
}

export interface ReportSeriesDto {
  /** The group's id (inbox, team, operator, tag) or channel kind; null for `none` or "no team". */
  key: string | null;
  label: string;
  buckets: ReportBucketDto[];
  totals: ReportMetricsDto;
}

export interface ReportDto {
  from: string;
  to: string;
  timezone: string;
  bucket: ReportBucket;
  groupBy: ReportGroup;
  businessHours: boolean;
  series: ReportSeriesDto[];
  /** The whole period, every group together. */
  totals: ReportMetricsDto;
}

/** `GET /api/reports/now`: the live panel. */
export interface ReportNowDto {
  open: number;
  unassigned: number;
  /** The open conversation waiting longest for our reply. */
  longestWaiting: { conversationId: string; number: number; since: IsoDateTime } | null;
  operators: Array<{
    id: string;
    name: string;
    online: boolean;
    openAssigned: number;
    maxOpen: number | null;
  }>;
  /** Conversations waiting in routing queues. */
  queued: number;
}
